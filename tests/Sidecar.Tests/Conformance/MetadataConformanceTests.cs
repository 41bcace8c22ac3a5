using System.Text.Json;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>Metadata API and health endpoints on running sidecars, reference §8.1–§8.2; start-up order, §12.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class MetadataConformanceTests(ConformanceFixture fixture)
{
    private SidecarUnderTest A => fixture.A;

    private async Task<JsonElement> MetadataAsync() => DaprAssert.Json(await A.GetAsync("/v1.0/metadata"));

    [Fact]
    public async Task Metadata_HasTheAppId()
    {
        Assert.Equal(Names.AppA, DaprAssert.String(await MetadataAsync(), "id"));
    }

    [Theory]
    [InlineData(Names.StateStore, "state.in-memory")]
    [InlineData(Names.Sqlite, "state.sqlite")]
    [InlineData(Names.PubSub, "pubsub.in-memory")]
    [InlineData(Names.FileSecrets, "secretstores.local.file")]
    [InlineData(Names.EnvSecrets, "secretstores.local.env")]
    [InlineData(Names.Files, "bindings.localstorage")]
    [InlineData(Names.Cron, "bindings.cron")]
    public async Task Metadata_ListsEachLoadedComponentWithTypeAndVersion(string name, string type)
    {
        var components = (await MetadataAsync()).GetProperty("components").EnumerateArray().ToList();

        var component = Assert.Single(components, c => c.TryGetProperty("name", out var n) && n.GetString() == name);
        Assert.Equal(type, DaprAssert.String(component, "type"));
        Assert.Equal("v1", DaprAssert.String(component, "version"));
    }

    [Theory]
    [InlineData(Names.StateStore, "ETAG")]
    [InlineData(Names.StateStore, "TRANSACTIONAL")]
    [InlineData(Names.Sqlite, "ETAG")]
    [InlineData(Names.Sqlite, "TRANSACTIONAL")]
    [InlineData(Names.Sqlite, "TTL")]
    public async Task Metadata_StateStoreCapabilities_IncludeWhatTheStoreSupports(string name, string capability)
    {
        // §8.1 capability names; components-contrib's in-memory and sqlite stores report these features.
        var components = (await MetadataAsync()).GetProperty("components").EnumerateArray();
        var component = Assert.Single(components, c => c.TryGetProperty("name", out var n) && n.GetString() == name);

        Assert.True(component.TryGetProperty("capabilities", out var capabilities), $"no capabilities in {component.GetRawText()}");
        Assert.Contains(capability, capabilities.EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Metadata_AppConnectionProperties_DescribeTheAppChannel()
    {
        // §8.1: appConnectionProperties {port, protocol, channelAddress}.
        var properties = (await MetadataAsync()).GetProperty("appConnectionProperties");

        Assert.Equal(fixture.AppOfA.Port, properties.GetProperty("port").GetInt32());
        Assert.Equal("http", DaprAssert.String(properties, "protocol"));
        Assert.Equal("127.0.0.1", DaprAssert.String(properties, "channelAddress"));
    }

    [Fact]
    public async Task Metadata_ExtendedAlwaysHasDaprRuntimeVersion()
    {
        var extended = (await MetadataAsync()).GetProperty("extended");

        Assert.False(string.IsNullOrEmpty(DaprAssert.String(extended, "daprRuntimeVersion")));
    }

    [Fact]
    public async Task Metadata_ProgrammaticSubscriptionIsListedWithItsRoute()
    {
        var subscription = FindSubscription(await MetadataAsync(), Topics.Envelope);

        Assert.Equal("PROGRAMMATIC", DaprAssert.String(subscription, "type"));
        Assert.Equal(Names.PubSub, DaprAssert.String(subscription, "pubsubname"));
        var rule = Assert.Single(subscription.GetProperty("rules").EnumerateArray());
        Assert.Equal(Topics.Route(Topics.Envelope), DaprAssert.String(rule, "path"));
    }

    [Fact]
    public async Task Metadata_ProgrammaticSubscriptionWithDeadLetterTopicShowsIt()
    {
        var subscription = FindSubscription(await MetadataAsync(), Topics.Answers);

        Assert.Equal(Topics.AnswersDeadLetter, DaprAssert.String(subscription, "deadLetterTopic"));
    }

    [Fact]
    public async Task Metadata_SubscriptionMetadataIsListed()
    {
        var subscription = FindSubscription(await MetadataAsync(), Topics.RawSubscription);

        DaprAssert.JsonEquivalent("""{"rawPayload":"true"}""", subscription.GetProperty("metadata"));
    }

    [Fact]
    public async Task Metadata_DeclarativeSubscriptionIsListedWithRulesDefaultAndDeadLetter()
    {
        var subscription = FindSubscription(await MetadataAsync(), Topics.Declarative);

        Assert.Equal("DECLARATIVE", DaprAssert.String(subscription, "type"));
        Assert.Equal(Topics.DeclarativeDeadLetter, DaprAssert.String(subscription, "deadLetterTopic"));
        var rules = subscription.GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.TryGetProperty("match", out var m) && m.GetString() == "event.type == \"com.example.special\""
                                    && r.GetProperty("path").GetString() == "/declarative/special");
        Assert.Contains(rules, r => r.GetProperty("path").GetString() == "/declarative/default");
    }

    private static JsonElement FindSubscription(JsonElement metadata, string topic)
    {
        Assert.True(metadata.TryGetProperty("subscriptions", out var subscriptions), $"no subscriptions in {metadata.GetRawText()}");
        return Assert.Single(subscriptions.EnumerateArray(), s => s.TryGetProperty("topic", out var t) && t.GetString() == topic);
    }

    [Fact]
    public async Task PutMetadata_Returns204AndTheValueShowsUnderExtended()
    {
        // §8.1: PUT /v1.0/metadata/{key}, body = raw string value → 204; visible in "extended" afterwards.
        var key = $"confKey{Guid.NewGuid():N}"[..16];
        var response = await A.SendAsync(HttpMethod.Put, $"/v1.0/metadata/{key}", SidecarUnderTest.Content("4711", "text/plain"));

        DaprAssert.NoContent(response);
        Assert.Equal("4711", DaprAssert.String((await MetadataAsync()).GetProperty("extended"), key));
    }

    [Fact]
    public async Task Healthz_ReadySidecar_Returns204()
    {
        DaprAssert.NoContent(await A.GetAsync("/v1.0/healthz"));
        DaprAssert.NoContent(await A.GetAsync("/v1.0/healthz/outbound"));
    }

    [Fact]
    public async Task Healthz_MatchingAppIdQuery_Returns204()
    {
        DaprAssert.NoContent(await A.GetAsync($"/v1.0/healthz?appid={Names.AppA}"));
    }

    [Fact]
    public async Task Healthz_OtherAppIdQuery_Returns500AppIdNotMatch()
    {
        DaprAssert.Error(await A.GetAsync("/v1.0/healthz?appid=someone-else"), 500, "ERR_HEALTH_APPID_NOT_MATCH");
    }

    [Fact]
    public async Task StartupOrder_ConfigThenSubscribeThenBindingProbe()
    {
        // §12 step 4: GET /dapr/config (first), then subscriptions (GET /dapr/subscribe), then input bindings (OPTIONS).
        var requests = fixture.AppOfA.Requests;
        var config = requests.FirstOrDefault(r => r is { Method: "GET", Path: "/dapr/config" });
        var subscribe = requests.FirstOrDefault(r => r is { Method: "GET", Path: "/dapr/subscribe" });
        var probe = requests.FirstOrDefault(r => r.Method == "OPTIONS" && r.Path == "/" + Names.Cron);

        Assert.NotNull(config);
        Assert.NotNull(subscribe);
        Assert.NotNull(probe);
        Assert.True(config.Sequence < subscribe.Sequence, $"/dapr/config (#{config.Sequence}) must come before /dapr/subscribe (#{subscribe.Sequence})");
        Assert.True(subscribe.Sequence < probe.Sequence, $"/dapr/subscribe (#{subscribe.Sequence}) must come before the binding probe (#{probe.Sequence})");
        Assert.Equal(1, requests.Count(r => r is { Method: "GET", Path: "/dapr/config" }));
    }

    [Fact]
    public void StartupOrder_SubscribeIsCalledOnceWithJsonContentType()
    {
        // §3.4: called once at start-up, with Content-Type: application/json.
        var subscribeCalls = fixture.AppOfA.Matching(r => r is { Method: "GET", Path: "/dapr/subscribe" });

        var call = Assert.Single(subscribeCalls);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.OrdinalIgnoreCase);
    }
}
