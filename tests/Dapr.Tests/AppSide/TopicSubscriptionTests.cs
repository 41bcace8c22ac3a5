using System.Net;
using System.Text.Json;
using DaprShop.Dapr.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Dapr.Tests.AppSide;

public sealed class TopicSubscriptionTests
{
    [Fact]
    public async Task Dapr_subscribe_lists_every_topic_endpoint_with_its_route_dead_letter_topic_and_metadata()
    {
        await using var app = await TestApp.StartAsync(app =>
        {
            app.MapPost("/events/order-placed", () => TopicResults.Success())
                .WithTopic("pubsub", "orders.placed", deadLetterTopic: "orders.dead", metadata: new Dictionary<string, string> { ["rawPayload"] = "false" });
            var events = app.MapGroup("/events");
            events.MapPost("payments/succeeded", () => TopicResults.Success()).WithTopic("pubsub", "payments/succeeded");
            app.MapPost("/not-a-topic", () => Results.Ok());
        });

        var response = await app.Client.GetAsync("/dapr/subscribe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var subscriptions = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var expected = JsonDocument.Parse("""
            [ { "pubsubname": "pubsub", "topic": "orders.placed", "route": "/events/order-placed",
                "deadLetterTopic": "orders.dead", "metadata": { "rawPayload": "false" } },
              { "pubsubname": "pubsub", "topic": "payments/succeeded", "route": "/events/payments/succeeded" } ]
            """).RootElement;
        Assert.Equal(
            expected.EnumerateArray().Select(item => item.GetRawText().Replace(" ", "").Replace("\n", "")).Order(),
            subscriptions.EnumerateArray().Select(item => item.GetRawText()).Order());
    }

    [Fact]
    public async Task A_topic_endpoint_with_a_match_is_listed_as_a_routing_rule_without_a_default_route()
    {
        await using var app = await TestApp.StartAsync(app =>
            app.MapPost("/events/orders", () => TopicResults.Success()).WithTopic("pubsub", "orders", match: "event.data.status == \"Paid\""));

        var subscription = Assert.Single(JsonDocument.Parse(await app.Client.GetStringAsync("/dapr/subscribe")).RootElement.EnumerateArray());

        Assert.False(subscription.TryGetProperty("route", out _));
        var rule = Assert.Single(subscription.GetProperty("routes").GetProperty("rules").EnumerateArray());
        Assert.Equal(("event.data.status == \"Paid\"", "/events/orders"), (rule.GetProperty("match").GetString(), rule.GetProperty("path").GetString()));
        Assert.False(subscription.GetProperty("routes").TryGetProperty("default", out _));
    }

    [Fact]
    public async Task An_app_without_topics_answers_an_empty_list()
    {
        await using var app = await TestApp.StartAsync(_ => { });

        Assert.Equal("[]", await app.Client.GetStringAsync("/dapr/subscribe"));
    }

    [Fact]
    public async Task Two_endpoints_subscribing_to_the_same_pubsub_and_topic_stop_the_app_from_starting()
    {
        var app = TestApp.Build(app =>
        {
            app.MapPost("/events/a", () => TopicResults.Success()).WithTopic("pubsub", "orders");
            app.MapPost("/events/b", () => TopicResults.Success()).WithTopic("pubsub", "orders");
        });
        await using var _ = app;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("'orders'", failure.Message);
        Assert.Contains("/events/a", failure.Message);
        Assert.Contains("/events/b", failure.Message);
    }

    [Fact]
    public async Task The_same_topic_on_two_different_pubsubs_is_allowed()
    {
        await using var app = await TestApp.StartAsync(app =>
        {
            app.MapPost("/events/a", () => TopicResults.Success()).WithTopic("pubsub", "orders");
            app.MapPost("/events/b", () => TopicResults.Success()).WithTopic("other-pubsub", "orders");
        });

        var subscriptions = JsonDocument.Parse(await app.Client.GetStringAsync("/dapr/subscribe")).RootElement;
        Assert.Equal(2, subscriptions.GetArrayLength());
    }

    [Fact]
    public async Task A_topic_route_with_parameters_stops_the_app_from_starting()
    {
        var app = TestApp.Build(app => app.MapPost("/events/{kind}", (string kind) => TopicResults.Success()).WithTopic("pubsub", "orders"));
        await using var _ = app;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("route parameters", failure.Message);
    }

    [Fact]
    public async Task A_topic_endpoint_that_does_not_accept_post_stops_the_app_from_starting()
    {
        var app = TestApp.Build(app => app.MapGet("/events/orders", () => TopicResults.Success()).WithTopic("pubsub", "orders"));
        await using var _ = app;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("POST", failure.Message);
    }

    [Theory]
    [InlineData("success", "SUCCESS")]
    [InlineData("retry", "RETRY")]
    [InlineData("drop", "DROP")]
    public async Task Topic_results_answer_200_with_the_status_daprd_understands(string outcome, string expectedStatus)
    {
        await using var app = await TestApp.StartAsync(app => app.MapPost("/events/{outcome}", (string outcome) => outcome switch
        {
            "success" => TopicResults.Success(),
            "retry" => TopicResults.Retry(),
            _ => TopicResults.Drop(),
        }));

        var response = await app.Client.PostAsync($"/events/{outcome}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($$"""{"status":"{{expectedStatus}}"}""", await response.Content.ReadAsStringAsync());
    }
}
