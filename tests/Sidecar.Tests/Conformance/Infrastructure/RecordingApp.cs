using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Tests.Conformance.Infrastructure;

/// <summary>
/// A real HTTP app (Kestrel on loopback) standing in for a Dapr application: it records every request a sidecar sends
/// it and answers as the test tells it to. Unless a responder says otherwise it answers <c>GET /dapr/subscribe</c> with
/// its programmatic subscriptions, <c>GET /dapr/config</c> with <c>{}</c> and everything else with an empty 200.
/// </summary>
internal sealed class RecordingApp : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Func<RecordedRequest, AppReply?>> _responders = [];
    private readonly string _subscriptionsJson;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _web;
    private long _sequence;

    private RecordingApp(string name, string subscriptionsJson)
    {
        Name = name;
        _subscriptionsJson = subscriptionsJson;
    }

    public string Name { get; }

    public int Port { get; private set; }

    /// <param name="port">0 picks a free port; a fixed port is only used for "sidecar starts before the app" scenarios.</param>
    /// <param name="subscriptionsJson">The body of the app's <c>GET /dapr/subscribe</c> answer.</param>
    public static async Task<RecordingApp> StartAsync(string name, string subscriptionsJson = "[]", int port = 0)
    {
        var app = new RecordingApp(name, subscriptionsJson);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var web = builder.Build();
        web.Run(app.HandleAsync);
        await web.StartAsync();
        app._web = web;
        app.Port = new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return app;
    }

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.OrderBy(r => r.Sequence).ToList();

    public IReadOnlyList<RecordedRequest> Matching(Func<RecordedRequest, bool> predicate) => Requests.Where(predicate).ToList();

    /// <summary>
    /// Adds a responder; the most recently added responder that returns a reply wins. Dispose the result to remove it.
    /// Tests make their responders match a unique marker so that they never answer another test's requests.
    /// </summary>
    public IDisposable Respond(Func<RecordedRequest, AppReply?> responder)
    {
        lock (_responders) _responders.Add(responder);
        return new Removal(() =>
        {
            lock (_responders) _responders.Remove(responder);
        });
    }

    public IDisposable Respond(Func<RecordedRequest, bool> when, AppReply reply) => Respond(request => when(request) ? reply : null);

    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> predicate, string what, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => Requests.FirstOrDefault(predicate), request => request is not null, $"{Name}: {what}", timeout)!;

    public Task<IReadOnlyList<RecordedRequest>> WaitForCountAsync(
        Func<RecordedRequest, bool> predicate, int count, string what, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => Matching(predicate), list => list.Count >= count, $"{Name}: {what} (expected {count})", timeout);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Headers) headers[key] = value.Select(v => v ?? "").ToArray();
        var recorded = new RecordedRequest(
            Interlocked.Increment(ref _sequence),
            DateTimeOffset.UtcNow,
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            headers,
            body.ToArray());
        _requests.Enqueue(recorded);

        var reply = Choose(recorded);
        if (reply.Delay > TimeSpan.Zero)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(reply.Delay, linked.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (reply.ContentType is not null) context.Response.ContentType = reply.ContentType;
        if (reply.Body is not null && !HttpMethods.IsHead(request.Method)) await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    private AppReply Choose(RecordedRequest request)
    {
        lock (_responders)
        {
            for (var i = _responders.Count - 1; i >= 0; i--)
            {
                if (_responders[i](request) is { } reply) return reply;
            }
        }
        return request switch
        {
            { Method: "GET", Path: "/dapr/subscribe" } => AppReply.Json(_subscriptionsJson),
            { Method: "GET", Path: "/dapr/config" } => AppReply.Json("{}"),
            _ => AppReply.Empty(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_web is not null)
        {
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
        _stopping.Dispose();
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
