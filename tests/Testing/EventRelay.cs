using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Testing;

/// <summary>
/// Brings a run's events to an app whose sidecar runs apart (<see cref="ShopRun"/>'s standalone sidecars): the embedded
/// <c>pubsub.in-memory</c> broker is one per process, so a sidecar of its own would never see what the run's apps
/// publish. The relay is an app of the run (the runner hosts its sidecar) that subscribes to the app's topics and
/// publishes every event it gets to the app's sidecar, CloudEvent unchanged; while that sidecar is down the relay answers
/// 503, so the run's broker keeps the event and redelivers it, as a durable broker keeps it for a restarting subscriber.
/// One way only: what the app publishes stays in its own sidecar's broker.
/// </summary>
public sealed class EventRelay : IAsyncDisposable
{
    private readonly LoopbackApp _app;
    private readonly HttpClient _appSidecar;

    private EventRelay(LoopbackApp app, HttpClient appSidecar) => (_app, _appSidecar) = (app, appSidecar);

    public int Port => _app.BaseAddress.Port;

    /// <param name="subscriptions">The app's own <c>GET /dapr/subscribe</c> answer.</param>
    /// <param name="appSidecar">A client of the app's sidecar (with its API token), which the events are published to; the relay disposes it.</param>
    public static async Task<EventRelay> StartAsync(JsonArray subscriptions, HttpClient appSidecar)
    {
        var relayed = new JsonArray([.. subscriptions.Select(subscription => (JsonNode)new JsonObject
        {
            ["pubsubname"] = subscription!["pubsubname"]!.GetValue<string>(),
            ["topic"] = subscription["topic"]!.GetValue<string>(),
            ["route"] = $"/relay/{subscription["pubsubname"]!.GetValue<string>()}/{subscription["topic"]!.GetValue<string>()}",
        })]);
        var app = await LoopbackApp.StartAsync(_ => { }, web =>
        {
            web.MapGet("/healthz", () => Results.Ok());
            web.MapGet("/dapr/config", () => Results.Json(new { }));
            web.MapGet("/dapr/subscribe", () => Results.Text(relayed.ToJsonString(), "application/json"));
            web.MapPost("/relay/{pubsub}/{topic}", async (string pubsub, string topic, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                using var content = new ByteArrayContent(body.ToArray());
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/cloudevents+json");
                try
                {
                    using var published = await appSidecar.PostAsync($"/v1.0/publish/{pubsub}/{topic}", content);
                    return published.IsSuccessStatusCode ? Results.Json(new { status = "SUCCESS" }) : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
                catch (HttpRequestException)
                {
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
            });
        });
        return new EventRelay(app, appSidecar);
    }

    /// <summary>Reads an app's subscriptions as its sidecar does, with the app API token.</summary>
    public static async Task<JsonArray?> ReadSubscriptionsAsync(HttpClient http, int appPort)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{appPort}/dapr/subscribe");
        request.Headers.Add("dapr-api-token", ShopRun.AppApiToken);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _appSidecar.Dispose();
    }
}
