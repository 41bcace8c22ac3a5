using System.Net;
using System.Text;
using DaprShop.Dapr.Tests.Infrastructure;

namespace DaprShop.Dapr.Tests.Client;

[Collection(SidecarCollection.Name)]
public sealed class PubSubTests(SidecarFixture sidecar)
{
    private const string PubSub = "pubsub";

    private readonly DaprClient _client = sidecar.Client;

    private sealed record Probe(string Marker, int Quantity);

    [Fact]
    public async Task A_published_object_is_delivered_as_a_json_cloud_event_to_the_subscribed_endpoint()
    {
        var marker = Guid.NewGuid().ToString();

        await _client.PublishEventAsync(PubSub, SidecarFixture.EventsTopic, new Probe(marker, 3));

        var received = await sidecar.Inbox.WaitForAsync(marker);
        Assert.Equal($$"""{"marker":"{{marker}}","quantity":3}""", received.Body);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal("application/json", received.CloudEvent.DataContentType);
        Assert.Equal(SidecarFixture.EventsTopic, received.CloudEvent.Topic);
        Assert.Equal(PubSub, received.CloudEvent.PubsubName);
        Assert.Equal(SidecarFixture.AppId, received.CloudEvent.Source);
        Assert.NotEqual("", received.CloudEvent.Id);
    }

    [Fact]
    public async Task Publish_metadata_reaches_the_sidecar_as_query_parameters()
    {
        var marker = Guid.NewGuid().ToString();
        var eventId = $"order-{marker}";

        await _client.PublishEventAsync(PubSub, SidecarFixture.EventsTopic, new Probe(marker, 1), new Dictionary<string, string> { ["cloudevent.id"] = eventId });

        Assert.Equal(eventId, (await sidecar.Inbox.WaitForAsync(marker)).CloudEvent.Id);
    }

    [Fact]
    public async Task Raw_bytes_are_published_with_their_content_type()
    {
        var marker = $"plain text {Guid.NewGuid()}";

        await _client.PublishByteEventAsync(PubSub, SidecarFixture.TextEventsTopic, Encoding.UTF8.GetBytes(marker), "text/plain");

        var received = await sidecar.Inbox.WaitForAsync(marker);
        Assert.Equal(marker, received.Body);
        Assert.Equal("text/plain", received.ContentType);
    }

    [Fact]
    public async Task An_event_without_data_is_delivered_with_an_empty_body()
    {
        var eventId = Guid.NewGuid().ToString();

        await _client.PublishEventAsync(PubSub, SidecarFixture.TextEventsTopic, new Dictionary<string, string> { ["cloudevent.id"] = eventId });

        var received = await sidecar.Inbox.WaitForAsync(eventId);
        Assert.Equal("", received.Body);
    }

    [Fact]
    public async Task Publishing_to_an_unknown_pubsub_is_err_pubsub_not_found()
    {
        var failure = await Assert.ThrowsAsync<DaprApiException>(() => _client.PublishEventAsync("no-such-pubsub", "topic", new Probe("x", 1)));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("ERR_PUBSUB_NOT_FOUND", failure.ErrorCode);
    }

    [Fact]
    public async Task Invalid_publish_metadata_is_a_400_dapr_api_exception()
    {
        var failure = await Assert.ThrowsAsync<DaprApiException>(() =>
            _client.PublishEventAsync(PubSub, SidecarFixture.EventsTopic, new Probe("x", 1), new Dictionary<string, string> { ["rawPayload"] = "abc" }));

        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("ERR_PUBSUB_REQUEST_METADATA", failure.ErrorCode);
    }
}
