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

    /// <summary>Where the gateway's token validation asks identity for its keys through the sidecar.</summary>
    public const string JwksPath = "/v1.0/invoke/identity/method/.well-known/jwks.json";

    /// <summary>Identity's JWKS document; null answers as the sidecar does when identity is not running.</summary>
    public string? Jwks { get; set; }

    /// <summary>How often the JWKS was asked for; those requests are not in <see cref="Received"/>.</summary>
    public int JwksFetches => _jwksFetches;

    private int _jwksFetches;

    public static async Task<FakeSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSidecar? sidecar = null;
        app.Run(async context =>
        {
            if (context.Request.Path == JwksPath)
            {
                await sidecar!.ServeJwksAsync(context);
                return;
            }

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

    private async Task ServeJwksAsync(HttpContext context)
    {
        Interlocked.Increment(ref _jwksFetches);
        if (Jwks is null)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { errorCode = "ERR_DIRECT_INVOKE", message = "fail to invoke, id: identity, err: couldn't find service: identity" });
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Jwks);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <param name="PathAndQuery">Escaped, as it came over the wire.</param>
    public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);
}
