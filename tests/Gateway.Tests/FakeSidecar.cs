using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DaprShop.Gateway.Tests;

/// <summary>
/// A stand-in for the gateway's Dapr sidecar on a free loopback port: records every request it receives and answers
/// with <see cref="Respond"/>, so tests see exactly what the gateway sends to its sidecar and what it makes of the answer.
/// </summary>
internal sealed class FakeSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSidecar(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public Func<HttpContext, Task> Respond { get; set; } = context => context.Response.WriteAsync("ok");

    public static async Task<FakeSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSidecar? sidecar = null;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            sidecar!.Received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(),
                context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            await sidecar.Respond(context);
        });
        await app.StartAsync();
        sidecar = new FakeSidecar(app, ListeningAddress.Of(app));
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <param name="PathAndQuery">Escaped, as it came over the wire.</param>
    public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);
}
