using System.Collections.Concurrent;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Payment.Tests.Stripe;

/// <summary>
/// A local HTTP server standing in for api.stripe.com: records every request (method, path, headers, raw body) and
/// answers with the scripted responses in order, then with the last one.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private ScriptedResponse _last = new(200, "{}");
    private LoopbackApp _app = null!;

    public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

    public Uri BaseAddress => _app.BaseAddress;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeStripeServer> StartAsync()
    {
        var server = new FakeStripeServer();
        server._app = await LoopbackApp.StartAsync(_ => { }, app => app.Run(server.AnswerAsync));
        return server;
    }

    public void Answer(params ScriptedResponse[] responses)
    {
        foreach (var response in responses) _script.Enqueue(response);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));

        var response = _script.TryDequeue(out var next) ? _last = next : _last;
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = "req_fake";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(response.Body);
    }
}
