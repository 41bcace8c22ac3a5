using System.Net;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>
/// Sidecars started by hand in separate processes find each other through the local registry and invoke over the
/// callee's internal port (sidecars of one multi-app run skip that hop; this is the path between processes).
/// </summary>
public sealed class StandaloneInvocationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_sidecar_invokes_an_app_behind_a_sidecar_in_another_process()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (callerId, calleeId) = ($"caller-{suffix}", $"callee-{suffix}");
        var (appPort, callerPort, calleePort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        await using var app = await StartEchoAppAsync(appPort);
        using var callee = new SidecarProcess("--app-id", calleeId, "--app-port", $"{appPort}", "--dapr-http-port", $"{calleePort}");
        using var caller = new SidecarProcess("--app-id", callerId, "--dapr-http-port", $"{callerPort}");
        await callee.Output.WaitForLineAsync("You're up and running!", Patience);
        await caller.Output.WaitForLineAsync("You're up and running!", Patience);

        using var http = new HttpClient();
        var response = await http.PostAsync(
            $"http://127.0.0.1:{callerPort}/v1.0/invoke/{calleeId}/method/orders/42?expand=lines", new StringContent("ping"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"POST /orders/42?expand=lines from {callerId} to {calleeId}: ping", await response.Content.ReadAsStringAsync());
    }

    private static async Task<WebApplication> StartEchoAppAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            await context.Response.WriteAsync(
                $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} " +
                $"from {context.Request.Headers["dapr-caller-app-id"]} to {context.Request.Headers["dapr-callee-app-id"]}: {body}");
        });
        await app.StartAsync();
        return app;
    }
}
