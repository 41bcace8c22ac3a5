using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Actors.Tests.Infrastructure;

/// <summary>
/// Stands in for the sidecar's actor API in app-side tests (it is not what they test): records every request,
/// keeps actor state from transactional POSTs and serves it to state GETs, accepts reminders and timers, and answers
/// actor method calls with <see cref="MethodResponder"/>.
/// </summary>
public sealed partial class SidecarRecorder : IAsyncDisposable
{
    private readonly LoopbackApp _app;

    private SidecarRecorder(LoopbackApp app, ConcurrentQueue<RecordedRequest> requests, ConcurrentDictionary<string, string> state)
    {
        _app = app;
        Requests = requests;
        State = state;
    }

    public Uri BaseAddress => _app.BaseAddress;

    public ConcurrentQueue<RecordedRequest> Requests { get; }

    /// <summary>Stored JSON by <c>{type}/{id}/{key}</c>.</summary>
    public ConcurrentDictionary<string, string> State { get; }

    /// <summary>Reminder bodies by <c>{type}/{id}/{name}</c>, answered to reminder GETs as daprd would (plus echoes of what was stored).</summary>
    public ConcurrentDictionary<string, string> Reminders { get; } = new();

    public Func<RecordedRequest, (int Status, string Body)> MethodResponder { get; set; } = _ => (200, "");

    public IReadOnlyList<RecordedRequest> StateTransactions => Requests.Where(request => request.Method == "POST" && request.Path.EndsWith("/state")).ToArray();

    public IReadOnlyList<RecordedRequest> StateReads => Requests.Where(request => request.Method == "GET" && request.Path.Contains("/state/")).ToArray();

    public static async Task<SidecarRecorder> StartAsync()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        var state = new ConcurrentDictionary<string, string>();
        SidecarRecorder? recorder = null;
        var app = await LoopbackApp.StartAsync(_ => { }, app => app.Run(context => recorder!.HandleAsync(context)));
        recorder = new SidecarRecorder(app, requests, state);
        return recorder;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync());
        Requests.Enqueue(request);

        var match = ActorPath().Match(request.Path);
        if (!match.Success)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var actor = $"{match.Groups["type"].Value}/{match.Groups["id"].Value}";
        var (kind, name) = (match.Groups["kind"].Value, match.Groups["name"].Value);
        switch (kind, request.Method)
        {
            case ("state", "GET"):
                if (State.TryGetValue($"{actor}/{name}", out var json)) await context.Response.WriteAsync(json);
                else context.Response.StatusCode = 204;
                break;
            case ("state", "POST" or "PUT"):
                ApplyTransaction(actor, request.Body);
                context.Response.StatusCode = 204;
                break;
            case ("reminders", "PUT" or "POST"):
                Reminders[$"{actor}/{name}"] = request.Body;
                context.Response.StatusCode = 204;
                break;
            case ("reminders", "GET"):
                await context.Response.WriteAsync(Reminders.TryGetValue($"{actor}/{name}", out var reminder) ? reminder : "{}");
                break;
            case ("method", _):
                var (status, body) = MethodResponder(request);
                context.Response.StatusCode = status;
                await context.Response.WriteAsync(body);
                break;
            default:
                context.Response.StatusCode = 204;
                break;
        }
    }

    private void ApplyTransaction(string actor, string body)
    {
        foreach (var operation in JsonDocument.Parse(body).RootElement.EnumerateArray())
        {
            var request = operation.GetProperty("request");
            var key = $"{actor}/{request.GetProperty("key").GetString()}";
            if (operation.GetProperty("operation").GetString() == "upsert") State[key] = request.GetProperty("value").GetRawText();
            else State.TryRemove(key, out _);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [GeneratedRegex("^/v1\\.0/actors/(?<type>[^/]+)/(?<id>[^/]+)/(?<kind>state|method|reminders|timers)(/(?<name>.+))?$")]
    private static partial Regex ActorPath();
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
