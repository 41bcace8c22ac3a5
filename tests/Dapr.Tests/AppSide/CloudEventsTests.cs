using System.Net;
using System.Net.Http.Json;
using System.Text;
using DaprShop.Dapr.Tests.Infrastructure;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Dapr.Tests.AppSide;

public sealed class CloudEventsTests
{
    private sealed record OrderPlaced(Guid OrderId, int Total);

    private static Task<LoopbackApp> StartEchoAppAsync() => TestApp.StartAsync(app =>
    {
        app.MapPost("/events/order-placed", (OrderPlaced order, CloudEventAttributes cloudEvent) =>
            Results.Json(new { order, cloudEvent.Id, cloudEvent.Source, cloudEvent.Type, cloudEvent.Topic, cloudEvent.PubsubName, cloudEvent.TraceParent, cloudEvent.Time }));
        app.MapPost("/raw", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Json(new { contentType = request.ContentType, body = Convert.ToBase64String(buffer.ToArray()), hasEnvelope = request.HttpContext.GetCloudEvent() is not null });
        });
    });

    private static StringContent CloudEvent(string json) => new(json, Encoding.UTF8, "application/cloudevents+json");

    [Fact]
    public async Task Json_data_is_bound_to_the_handler_parameter_and_the_envelope_attributes_are_exposed()
    {
        await using var app = await StartEchoAppAsync();
        var orderId = Guid.NewGuid();

        var response = await app.Client.PostAsync("/events/order-placed", CloudEvent($$"""
            { "id": "evt-1", "specversion": "1.0", "source": "ordering", "type": "com.dapr.event.sent",
              "datacontenttype": "application/json", "data": { "orderId": "{{orderId}}", "total": 4200 },
              "topic": "orders", "pubsubname": "pubsub", "time": "2025-03-01T12:00:00Z",
              "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(orderId, echoed.GetProperty("order").GetProperty("orderId").GetGuid());
        Assert.Equal(4200, echoed.GetProperty("order").GetProperty("total").GetInt32());
        Assert.Equal("evt-1", echoed.GetProperty("id").GetString());
        Assert.Equal("ordering", echoed.GetProperty("source").GetString());
        Assert.Equal("orders", echoed.GetProperty("topic").GetString());
        Assert.Equal("pubsub", echoed.GetProperty("pubsubName").GetString());
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", echoed.GetProperty("traceParent").GetString());
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), echoed.GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task Data_without_datacontenttype_is_treated_as_json()
    {
        await using var app = await StartEchoAppAsync();

        var response = await app.Client.PostAsync("/raw", CloudEvent("""{ "id": "e", "data": { "a": [1, 2] } }"""));

        var echoed = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("application/json", echoed.GetProperty("contentType").GetString());
        Assert.Equal("""{"a":[1,2]}""", Encoding.UTF8.GetString(Convert.FromBase64String(echoed.GetProperty("body").GetString()!)));
    }

    [Fact]
    public async Task Data_base64_is_decoded_into_the_body_with_the_declared_content_type()
    {
        await using var app = await StartEchoAppAsync();
        byte[] payload = [0, 1, 2, 250, 255];

        var response = await app.Client.PostAsync("/raw", CloudEvent($$"""
            { "id": "e", "datacontenttype": "application/octet-stream", "data_base64": "{{Convert.ToBase64String(payload)}}" }
            """));

        var echoed = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("application/octet-stream", echoed.GetProperty("contentType").GetString());
        Assert.Equal(payload, Convert.FromBase64String(echoed.GetProperty("body").GetString()!));
        Assert.True(echoed.GetProperty("hasEnvelope").GetBoolean());
    }

    [Fact]
    public async Task Text_data_arrives_as_the_plain_string_not_as_a_json_string()
    {
        await using var app = await StartEchoAppAsync();

        var response = await app.Client.PostAsync("/raw", CloudEvent("""{ "id": "e", "datacontenttype": "text/plain", "data": "hello \"world\"" }"""));

        var echoed = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("text/plain", echoed.GetProperty("contentType").GetString());
        Assert.Equal("hello \"world\"", Encoding.UTF8.GetString(Convert.FromBase64String(echoed.GetProperty("body").GetString()!)));
    }

    [Fact]
    public async Task Requests_that_are_not_cloud_events_pass_through_untouched()
    {
        await using var app = await StartEchoAppAsync();

        var response = await app.Client.PostAsJsonAsync("/raw", new { plain = true });

        var echoed = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.StartsWith("application/json", echoed.GetProperty("contentType").GetString());
        Assert.Equal("""{"plain":true}""", Encoding.UTF8.GetString(Convert.FromBase64String(echoed.GetProperty("body").GetString()!)));
        Assert.False(echoed.GetProperty("hasEnvelope").GetBoolean());
    }

    [Fact]
    public async Task A_handler_that_needs_the_envelope_rejects_a_request_that_is_not_a_cloud_event()
    {
        await using var app = await StartEchoAppAsync();

        var response = await app.Client.PostAsJsonAsync("/events/order-placed", new OrderPlaced(Guid.NewGuid(), 1));

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{ "id": "e", "data": {}, "data_base64": "AA==" }""")]
    [InlineData("""{ "id": "e", "data_base64": "not base64!" }""")]
    [InlineData("""[1, 2, 3]""")]
    [InlineData("""{ "id": "e", "data": """)]
    public async Task A_malformed_cloud_event_is_a_400_problem(string envelope)
    {
        await using var app = await StartEchoAppAsync();

        var response = await app.Client.PostAsync("/raw", CloudEvent(envelope));

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
