using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.Redis;
using DaprShop.Sidecar.Runtime;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;
using DaprShop.Testing;

namespace DaprShop.Sidecar.Tests.Components.PubSub;

/// <summary>
/// <c>pubsub.redis</c> through the real sidecar HTTP API against a real <c>redis-server</c>: every sidecar has its own
/// <see cref="SharedResources"/>, so messages only get from one to another through Redis, as between processes.
/// The server requires a password, so every test also authenticates. Redelivery runs on a 1 s processingTimeout
/// checked every 200 ms instead of daprd's 60 s / 15 s, so a RETRY comes back within the test's patience.
/// </summary>
public sealed class RedisPubSubTests : IAsyncLifetime
{
    private const string Topic = "orders";
    private const string Password = "redis-test-password";

    private readonly TempDirectory _directory = new();
    private readonly List<IAsyncDisposable> _started = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync(Password);

    public async Task DisposeAsync()
    {
        foreach (var started in Enumerable.Reverse(_started)) await started.DisposeAsync();
        await _redis.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_published_message_reaches_the_subscriber_of_another_sidecar_as_a_cloud_event()
    {
        var (app, publisher) = await SubscriberAndPublisherAsync("redis-subscriber");

        var marker = await PublishAsync(publisher);

        var delivery = await app.WaitForAsync(On(marker), "delivery");
        Assert.StartsWith("application/cloudevents+json", delivery.ContentType, StringComparison.Ordinal);
        Assert.Equal("pubsub", delivery.Header("pubsubname"));
        var cloudEvent = delivery.Json();
        Assert.Equal(Topic, DaprAssert.String(cloudEvent, "topic"));
        Assert.Equal("pubsub", DaprAssert.String(cloudEvent, "pubsubname"));
        Assert.Equal("redis-publisher", DaprAssert.String(cloudEvent, "source"));
        Assert.Equal(marker, cloudEvent.GetProperty("data").GetProperty("marker").GetString());
    }

    [Fact]
    public async Task Every_app_id_gets_every_message_and_the_instances_of_one_app_id_share_them()
    {
        var resources = await ResourcesAsync();
        var appA = await StartSubscriberAsync("app-a");
        var appC1 = await StartSubscriberAsync("app-c1");
        var appC2 = await StartSubscriberAsync("app-c2");
        await StartSidecarAsync("redis-a", resources, appA);
        await StartSidecarAsync("redis-c", resources, appC1);
        await StartSidecarAsync("redis-c", resources, appC2);
        var publisher = await StartSidecarAsync("redis-publisher", resources);

        var markers = new List<string>();
        for (var i = 0; i < 6; i++) markers.Add(await PublishAsync(publisher));

        await appA.WaitForCountAsync(r => markers.Any(r.BodyContains), markers.Count, "fan-out to app-a");
        Func<RecordedRequest, bool> ofC = r => markers.Any(r.BodyContains);
        await Poll.UntilAsync(() => markers.All(m => appC1.Matching(On(m)).Count + appC2.Matching(On(m)).Count > 0), "every message reached redis-c");
        // Once the group has nothing pending, every message is acknowledged and none can come again.
        await WaitUntilNothingPendingAsync("redis-c");
        Assert.Equal(markers.Count, appC1.Matching(ofC).Count + appC2.Matching(ofC).Count);
    }

    [Fact]
    public async Task A_message_answered_with_RETRY_is_delivered_again_and_acknowledged_after_SUCCESS()
    {
        var (app, publisher) = await SubscriberAndPublisherAsync("redis-retry");
        var marker = Guid.NewGuid().ToString("N");
        using var _ = app.Respond(r => r.BodyContains(marker) && app.Matching(On(marker)).Count == 1 ? AppReply.Json("""{"status":"RETRY"}""") : null);

        await PublishAsync(publisher, marker);

        var deliveries = await app.WaitForCountAsync(On(marker), 2, "redelivery after RETRY");
        Assert.Equal(DaprAssert.String(deliveries[0].Json(), "id"), DaprAssert.String(deliveries[1].Json(), "id"));
        await WaitUntilNothingPendingAsync("redis-retry");
    }

    [Fact]
    public async Task Messages_published_while_the_subscriber_sidecar_is_down_are_delivered_when_it_is_back()
    {
        var app = await StartSubscriberAsync("subscriber");
        var resources = await ResourcesAsync();
        var publisher = await StartSidecarAsync("redis-publisher", resources);
        var subscriber = await StartSidecarAsync("redis-durable", resources, app, tracked: false);
        // The consumer group exists once the subscriber has received something.
        await app.WaitForAsync(On(await PublishAsync(publisher)), "delivery before the restart");

        await subscriber.DisposeAsync();
        var markers = new List<string>();
        for (var i = 0; i < 3; i++) markers.Add(await PublishAsync(publisher));
        await StartSidecarAsync("redis-durable", resources, app);

        foreach (var marker in markers) await app.WaitForAsync(On(marker), "delivery of a message published while the sidecar was down");
    }

    [Fact]
    public async Task The_stream_entry_has_daprds_fields_data_and_metadata()
    {
        var publisher = await StartSidecarAsync("redis-publisher", await ResourcesAsync());

        var marker = await PublishAsync(publisher, query: "?metadata.partitionKey=p1");

        await using var client = _redis.CreateClient();
        var entry = Assert.Single((await client.ExecuteAsync(["XRANGE", Topic, "-", "+"], CancellationToken.None)).AsArray());
        var fields = entry.AsArray()[1].AsArray();
        Assert.Equal(["data", "metadata"], new[] { fields[0].AsString()!, fields[2].AsString()! });
        Assert.Equal(4, fields.Count);
        using var cloudEvent = JsonDocument.Parse(fields[1].Bulk!);
        Assert.Equal(marker, cloudEvent.RootElement.GetProperty("data").GetProperty("marker").GetString());
        Assert.Equal(Topic, cloudEvent.RootElement.GetProperty("topic").GetString());
        Assert.Equal("""{"partitionKey":"p1"}""", fields[3].AsString());
    }

    [Fact]
    public async Task The_consumer_group_and_the_consumer_are_named_after_the_app_id()
    {
        var (app, publisher) = await SubscriberAndPublisherAsync("redis-group");
        await app.WaitForAsync(On(await PublishAsync(publisher)), "delivery");

        await using var client = _redis.CreateClient();
        var group = Assert.Single((await client.ExecuteAsync(["XINFO", "GROUPS", Topic], CancellationToken.None)).AsArray());
        Assert.Equal("redis-group", Field(group, "name"));
        var consumer = Assert.Single((await client.ExecuteAsync(["XINFO", "CONSUMERS", Topic, "redis-group"], CancellationToken.None)).AsArray());
        Assert.Equal("redis-group", Field(consumer, "name"));
    }

    [Fact]
    public async Task After_Redis_is_killed_and_restarted_empty_publishing_and_delivery_work_again()
    {
        var (app, publisher) = await SubscriberAndPublisherAsync("redis-reconnect");
        await app.WaitForAsync(On(await PublishAsync(publisher)), "delivery before Redis restarts");

        _redis.Kill();
        await _redis.RestartAsync();
        var marker = await PublishAsync(publisher);

        await app.WaitForAsync(On(marker), "delivery after Redis restarted");
    }

    [Fact]
    public async Task An_ACL_user_authenticates_and_redisDB_selects_the_database()
    {
        await using var redis = await RedisServer.StartAsync(Password, user: ("shop", "shop-secret"));
        var resources = Path.Combine(_directory.Path, "acl");
        await TestComponents.WriteRedisPubSubAsync(resources, redis, [("redisUsername", "shop"), ("redisPassword", "shop-secret"), ("redisDB", "2")]);
        var publisher = await StartSidecarAsync("redis-publisher", resources);

        await PublishAsync(publisher);

        await using var database2 = new RedisClient(new RedisSettings(
            "127.0.0.1", redis.Port, "shop", "shop-secret", 2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));
        Assert.Equal(1, (await database2.ExecuteAsync(["XLEN", Topic], CancellationToken.None)).Integer);
        await using var database0 = redis.CreateClient();
        Assert.Equal(0, (await database0.ExecuteAsync(["EXISTS", Topic], CancellationToken.None)).Integer);
    }

    [Fact]
    public async Task The_metadata_API_lists_the_component_with_the_MESSAGE_TTL_capability()
    {
        var sidecar = await StartSidecarAsync("redis-metadata", await ResourcesAsync());

        var metadata = DaprAssert.Json(await sidecar.GetAsync("/v1.0/metadata"));

        var component = Assert.Single(metadata.GetProperty("components").EnumerateArray(), c => c.GetProperty("name").GetString() == "pubsub");
        Assert.Equal("pubsub.redis", DaprAssert.String(component, "type"));
        Assert.Equal("MESSAGE_TTL", Assert.Single(component.GetProperty("capabilities").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("redisHost", "", "metadata field 'redisHost' is required")]
    [InlineData("redisPassword", "wrong-password", "WRONGPASS")]
    [InlineData("enableTLS", "true", "enableTLS is not supported")]
    [InlineData("processingTimeout", "soon", "invalid duration")]
    public async Task A_component_that_cannot_initialise_fails_the_sidecar_start_with_a_clear_error(string field, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<SidecarStartException>(async () => await StartSidecarAsync("redis-broken", await ResourcesAsync((field, value))));

        Assert.Contains("component pubsub (pubsub.redis) failed to initialise", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_Redis_fails_the_sidecar_start_with_a_clear_error()
    {
        var nobody = $"127.0.0.1:{FreePort.Next()}";

        var error = await Assert.ThrowsAsync<SidecarStartException>(async () => await StartSidecarAsync("redis-unreachable", await ResourcesAsync(("redisHost", nobody))));

        Assert.Contains($"redis streams: error connecting to redis at {nobody}", error.Message, StringComparison.Ordinal);
    }

    private static Func<RecordedRequest, bool> On(string marker) => r => r.Path == "/" + Topic && r.BodyContains(marker);

    private async Task<string> ResourcesAsync(params (string Name, string Value)[] metadata)
    {
        var resources = Path.Combine(_directory.Path, Guid.NewGuid().ToString("N"));
        await TestComponents.WriteRedisPubSubAsync(resources, _redis, [("processingTimeout", "1s"), ("redeliverInterval", "200ms"), .. metadata]);
        return resources;
    }

    /// <summary>A subscribing app behind a sidecar of <paramref name="subscriberAppId"/>, and a publishing sidecar without an app.</summary>
    private async Task<(RecordingApp App, SidecarUnderTest Publisher)> SubscriberAndPublisherAsync(string subscriberAppId)
    {
        var app = await StartSubscriberAsync("subscriber");
        var resources = await ResourcesAsync();
        await StartSidecarAsync(subscriberAppId, resources, app);
        return (app, await StartSidecarAsync("redis-publisher", resources));
    }

    private async Task<RecordingApp> StartSubscriberAsync(string name) =>
        Track(await RecordingApp.StartAsync(name, $$"""[{"pubsubname":"pubsub","topic":"{{Topic}}","route":"/{{Topic}}"}]"""));

    private async Task<SidecarUnderTest> StartSidecarAsync(string appId, string resources, RecordingApp? app = null, bool tracked = true)
    {
        var sidecar = await SidecarUnderTest.StartAsync(new SidecarOptions { AppId = appId, AppPort = app?.Port, ResourcesPaths = [resources] }, new SharedResources());
        if (tracked) Track(sidecar);
        await sidecar.WaitUntilReadyAsync();
        return sidecar;
    }

    private T Track<T>(T started) where T : IAsyncDisposable
    {
        _started.Add(started);
        return started;
    }

    private static async Task<string> PublishAsync(SidecarUnderTest publisher, string? marker = null, string query = "")
    {
        marker ??= Guid.NewGuid().ToString("N");
        var response = await publisher.SendAsync(
            HttpMethod.Post, $"/v1.0/publish/pubsub/{Topic}{query}", SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json"));
        DaprAssert.NoContent(response);
        return marker;
    }

    /// <summary>XPENDING's summary: the number of messages the group has read and not acknowledged.</summary>
    private async Task WaitUntilNothingPendingAsync(string group)
    {
        await using var client = _redis.CreateClient();
        await Poll.UntilAsync(
            async () => (await client.ExecuteAsync(["XPENDING", Topic, group], CancellationToken.None)).AsArray()[0].Integer,
            pending => pending == 0, $"nothing pending in group {group}");
    }

    /// <summary>A field of an XINFO reply, which is a flat list of names and values.</summary>
    private static string? Field(RedisReply info, string name)
    {
        var items = info.AsArray();
        for (var i = 0; i + 1 < items.Count; i += 2)
        {
            if (items[i].AsString() == name) return items[i + 1].AsString();
        }
        return null;
    }
}
