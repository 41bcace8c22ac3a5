using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DaprShop.Benchmarks;

/// <summary>
/// The invocation target (<c>serve-app</c> mode): a Kestrel app with one method that reads a small JSON order and
/// answers a tiny JSON verdict, so the figures measure the hops, not the app.
/// </summary>
public static class BenchmarkApp
{
    public const string AppId = "bench-app";
    public const string MethodName = "validate-order";

    private static readonly byte[] Verdict = """{"valid":true}"""u8.ToArray();

    public static int VerdictBytes => Verdict.Length;

    public static async Task<int> ServeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ChildLogging.Configure(builder.Logging);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapPost("/" + MethodName, ValidateOrderAsync);
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        await ChildProtocol.ServeUntilParentLeavesAsync(port, internalPort: null);
        await app.StopAsync();
        return 0;
    }

    private static async Task ValidateOrderAsync(HttpContext context)
    {
        // A real handler reads the whole body before answering; so does this one.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Verdict.Length;
        await context.Response.Body.WriteAsync(Verdict, context.RequestAborted);
    }
}
