using System.Collections.Concurrent;
using System.Net;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>
/// A real HTTP app implementing the app side of the actor contract (reference §6.3) the way any language could, without
/// an actor library: it answers <c>GET /dapr/config</c> with its actor config, records every request, and records when
/// each actor call starts and ends so tests can check that turns never overlap. Unless a handler says otherwise it has no
/// subscriptions, and actor calls and deactivations get an empty 200.
/// </summary>
internal sealed class ActorApp : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ActorTurn> _turns = new();
    private readonly List<Func<RecordedRequest, Task<AppReply>?>> _handlers = [];
    private readonly string _configJson;
    private WebApplication? _web;
    private long _sequence;

    private ActorApp(string configJson) => _configJson = configJson;

    public int Port { get; private set; }

    public static async Task<ActorApp> StartAsync(string configJson, int port = 0)
    {
        var app = new ActorApp(configJson);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var web = builder.Build();
        web.Run(app.HandleAsync);
        await web.StartAsync();
        app._web = web;
        app.Port = new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return app;
    }

    public IReadOnlyList<RecordedRequest> Requests => _requests.OrderBy(r => r.Sequence).ToList();

    public IReadOnlyList<RecordedRequest> Matching(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    /// <summary>Calls into one actor as start/end times: overlapping turns of one actor break turn-based concurrency.</summary>
    public IReadOnlyList<ActorTurn> TurnsOf(string actorPathPrefix) => _turns.Where(t => t.Path.StartsWith(actorPathPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>Adds a handler (most recent wins); it returns null for requests it does not handle. Dispose to remove.</summary>
    public IDisposable Handle(Func<RecordedRequest, Task<AppReply>?> handler)
    {
        lock (_handlers) _handlers.Add(handler);
        return new Removal(() =>
        {
            lock (_handlers) _handlers.Remove(handler);
        });
    }

    public Task<IReadOnlyList<RecordedRequest>> WaitForCountAsync(string method, string path, int count, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => Matching(method, path), list => list.Count >= count, $"{method} {path} (expected {count})", timeout);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Headers) headers[key] = value.Select(v => v ?? "").ToArray();
        var recorded = new RecordedRequest(Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow, request.Method,
            request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body.ToArray());
        _requests.Enqueue(recorded);

        var started = DateTimeOffset.UtcNow;
        var reply = await ChooseAsync(recorded);
        if (recorded.Path.StartsWith("/actors/", StringComparison.Ordinal)) _turns.Enqueue(new ActorTurn(recorded.Path, started, DateTimeOffset.UtcNow));
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (reply.ContentType is not null) context.Response.ContentType = reply.ContentType;
        if (reply.Body is not null) await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    private async Task<AppReply> ChooseAsync(RecordedRequest request)
    {
        Task<AppReply>? chosen = null;
        lock (_handlers)
        {
            for (var i = _handlers.Count - 1; i >= 0 && chosen is null; i--) chosen = _handlers[i](request);
        }
        if (chosen is not null)
        {
            var reply = await chosen;
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay);
            return reply;
        }
        return request switch
        {
            { Method: "GET", Path: "/dapr/config" } => AppReply.Json(_configJson),
            { Method: "GET", Path: "/dapr/subscribe" } => AppReply.Json("[]"),
            _ => AppReply.Empty(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is null) return;
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _web.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await _web.DisposeAsync();
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) remove();
        }
    }
}

internal sealed record ActorTurn(string Path, DateTimeOffset Started, DateTimeOffset Ended)
{
    public bool Overlaps(ActorTurn other) => Started < other.Ended && other.Started < Ended;
}
