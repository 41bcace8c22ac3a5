using System.Globalization;
using System.Text;
using System.Text.Json;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>
/// Publishing, reference §3.1–§3.2 and §3.6: the publish API, the CloudEvent envelope daprd builds for each
/// Content-Type, and how the event reaches the subscriber. conf-b (no app) publishes, conf-a's app receives.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class PublishConformanceTests(ConformanceFixture fixture)
{
    private readonly RecordingApp _app = fixture.AppOfA;

    private static string Marker() => Guid.NewGuid().ToString("N");

    private async Task PublishAsync(string topic, HttpContent content, string query = "")
    {
        var response = await fixture.B.SendAsync(HttpMethod.Post, $"/v1.0/publish/{Names.PubSub}/{topic}{query}", content);
        DaprAssert.NoContent(response);
    }

    private Task<RecordedRequest> DeliveryAsync(string topic, string marker) =>
        _app.WaitForAsync(r => r.Path == Topics.Route(topic) && r.BodyContains(marker), $"delivery of {marker} on {topic}");

    /// <summary>The envelope fields daprd always sets (§3.2), with their JSON types.</summary>
    private static void AssertEnvelopeBasics(JsonElement ce, string topic, string source)
    {
        Assert.Equal(JsonValueKind.Object, ce.ValueKind);
        Assert.True(Guid.TryParse(DaprAssert.String(ce, "id"), out _), $"id must be a random UUID: {ce.GetRawText()}");
        Assert.Equal("1.0", DaprAssert.String(ce, "specversion"));
        Assert.Equal(source, DaprAssert.String(ce, "source"));
        Assert.Equal("com.dapr.event.sent", DaprAssert.String(ce, "type"));
        Assert.Equal(topic, DaprAssert.String(ce, "topic"));
        Assert.Equal(Names.PubSub, DaprAssert.String(ce, "pubsubname"));
        AssertRfc3339(DaprAssert.String(ce, "time"));
        // traceid and traceparent carry the same W3C value (possibly empty when tracing is off).
        Assert.Equal(DaprAssert.String(ce, "traceparent"), DaprAssert.String(ce, "traceid"));
    }

    /// <summary>§3.2: time is RFC3339 at second precision (Go's time.RFC3339 layout: no fractional seconds).</summary>
    private static void AssertRfc3339(string value)
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", value);
        Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"not a timestamp: {value}");
    }

    [Fact]
    public async Task Publish_Json_Returns204AndDeliversCloudEventWithParsedData()
    {
        var marker = Marker();
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content($$"""{"marker":"{{marker}}","n":1}""", "application/json"));

        var delivery = await DeliveryAsync(Topics.Envelope, marker);
        var ce = delivery.Json();
        AssertEnvelopeBasics(ce, Topics.Envelope, source: Names.AppB);
        Assert.Equal("application/json", DaprAssert.String(ce, "datacontenttype"));
        DaprAssert.JsonEquivalent($$"""{"marker":"{{marker}}","n":1}""", ce.GetProperty("data"));
        DaprAssert.NoProperty(ce, "data_base64");
    }

    [Fact]
    public async Task Delivery_IsPostWithCloudEventsContentTypeAndPubsubnameHeader()
    {
        // §3.6: POST /{route}, Content-Type application/cloudevents+json, broker metadata as headers incl. pubsubname.
        var marker = Marker();
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json"));

        var delivery = await DeliveryAsync(Topics.Envelope, marker);
        Assert.Equal("POST", delivery.Method);
        Assert.StartsWith("application/cloudevents+json", delivery.ContentType, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Names.PubSub, delivery.Header("pubsubname"));
    }

    [Fact]
    public async Task Publish_TextPlain_DataIsTheBodyAsString()
    {
        var marker = Marker();
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content($"hello {marker}", "text/plain"));

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        AssertEnvelopeBasics(ce, Topics.Envelope, Names.AppB);
        Assert.Equal("text/plain", DaprAssert.String(ce, "datacontenttype"));
        Assert.Equal($"hello {marker}", DaprAssert.String(ce, "data"));
    }

    [Fact]
    public async Task Publish_OctetStream_DataIsBase64InDataBase64()
    {
        var marker = Marker();
        var bytes = new byte[] { 0xFF, 0x00, 0xFE }.Concat(Encoding.UTF8.GetBytes(marker)).ToArray();
        var base64 = Convert.ToBase64String(bytes);
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content(bytes, "application/octet-stream"));

        var ce = (await DeliveryAsync(Topics.Envelope, base64)).Json();
        AssertEnvelopeBasics(ce, Topics.Envelope, Names.AppB);
        Assert.Equal("application/octet-stream", DaprAssert.String(ce, "datacontenttype"));
        Assert.Equal(base64, DaprAssert.String(ce, "data_base64"));
        DaprAssert.NoProperty(ce, "data");
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/problem+json")]
    [InlineData("text/csv")]
    public async Task Publish_OtherContentTypes_DataIsTheBodyAsString(string contentType)
    {
        // §3.1 table: anything but application/json, octet-stream and cloudevents+json → data = body as string.
        var marker = Marker();
        var body = $$"""{"marker":"{{marker}}"}""";
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content(body, contentType));

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        Assert.Equal(body, DaprAssert.String(ce, "data"));
        Assert.Equal(contentType, DaprAssert.String(ce, "datacontenttype"));
    }

    [Fact]
    public async Task Delivery_JsonData_KeepsApostrophesAndNonAsciiTextAsIs()
    {
        // §3.6: the app receives the envelope bytes daprd built with Go's encoding/json, which leaves "'" and non-ASCII
        // characters unescaped; apps and tools that compare or log the raw body see exactly this text.
        var marker = Marker();
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content($$"""{"marker":"{{marker}}","text":"it's café"}""", "application/json"));

        var delivery = await DeliveryAsync(Topics.Envelope, marker);
        Assert.Contains("\"text\":\"it's café\"", delivery.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_JsonWithCharsetParameter_DataIsStillParsedJson()
    {
        // §3.1: application/json "(exact type, parameters allowed)".
        var marker = Marker();
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json; charset=utf-8"));

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        DaprAssert.JsonEquivalent($$"""{"marker":"{{marker}}"}""", ce.GetProperty("data"));
    }

    [Fact]
    public async Task Publish_WithoutContentType_WrapsAsTextPlain()
    {
        var marker = Marker();
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content($"plain {marker}", contentType: null));

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        AssertEnvelopeBasics(ce, Topics.Envelope, Names.AppB);
        Assert.Equal("text/plain", DaprAssert.String(ce, "datacontenttype"));
        Assert.Equal($"plain {marker}", DaprAssert.String(ce, "data"));
    }

    [Fact]
    public async Task Publish_JsonContentTypeWithInvalidJson_DataBecomesTheString()
    {
        var marker = Marker();
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content($"not json {marker}", "application/json"));

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        Assert.Equal($"not json {marker}", DaprAssert.String(ce, "data"));
    }

    [Fact]
    public async Task Publish_CloudEventInput_KeepsIdSourceTypeAndOverwritesTopicAndPubsubname()
    {
        // §3.1: the body IS the CloudEvent; daprd always overwrites topic and pubsubname, keeps the rest.
        var marker = Marker();
        var input = $$$"""
            {"specversion":"1.0","id":"ce-{{{marker}}}","source":"my-source","type":"my.type",
             "topic":"wrong-topic","pubsubname":"wrong-pubsub","datacontenttype":"application/json",
             "data":{"marker":"{{{marker}}}"}}
            """;
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content(input, "application/cloudevents+json"));

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        Assert.Equal($"ce-{marker}", DaprAssert.String(ce, "id"));
        Assert.Equal("my-source", DaprAssert.String(ce, "source"));
        Assert.Equal("my.type", DaprAssert.String(ce, "type"));
        Assert.Equal(Topics.Envelope, DaprAssert.String(ce, "topic"));
        Assert.Equal(Names.PubSub, DaprAssert.String(ce, "pubsubname"));
        DaprAssert.JsonEquivalent($$"""{"marker":"{{marker}}"}""", ce.GetProperty("data"));
    }

    [Fact]
    public async Task Publish_MinimalCloudEventInput_GetsDefaultsAndKeepsItsId()
    {
        // §3.1: defaults source "Dapr", type "com.dapr.event.sent", specversion "1.0"; adds time; no invented id.
        var marker = Marker();
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content($$$"""{"id":"min-{{{marker}}}","data":{"marker":"{{{marker}}}"}}""", "application/cloudevents+json"));

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        Assert.Equal($"min-{marker}", DaprAssert.String(ce, "id"));
        Assert.Equal("Dapr", DaprAssert.String(ce, "source"));
        Assert.Equal("com.dapr.event.sent", DaprAssert.String(ce, "type"));
        Assert.Equal("1.0", DaprAssert.String(ce, "specversion"));
        Assert.Equal(Topics.Envelope, DaprAssert.String(ce, "topic"));
        Assert.Equal(Names.PubSub, DaprAssert.String(ce, "pubsubname"));
        AssertRfc3339(DaprAssert.String(ce, "time"));
    }

    [Fact]
    public async Task Publish_CloudEventInputThatIsNotAnObject_Returns500CloudEventsSer()
    {
        var response = await fixture.B.SendAsync(
            HttpMethod.Post, $"/v1.0/publish/{Names.PubSub}/{Topics.Envelope}", SidecarUnderTest.Content("""["not","an","object"]""", "application/cloudevents+json"));

        DaprAssert.Error(response, 500, "ERR_PUBSUB_CLOUD_EVENTS_SER");
    }

    [Fact]
    public async Task Publish_RawPayloadTrue_DeliversTheBodyBytesWithoutEnvelope()
    {
        var marker = Marker();
        var body = $$"""{"marker":"{{marker}}","raw":true}""";
        await PublishAsync(Topics.Envelope, SidecarUnderTest.Content(body, "application/json"), "?metadata.rawPayload=true");

        var delivery = await DeliveryAsync(Topics.Envelope, marker);
        Assert.Equal(body, delivery.BodyText);
    }

    [Fact]
    public async Task Publish_RawPayloadNotABoolean_Returns400RequestMetadata()
    {
        var response = await fixture.B.SendAsync(
            HttpMethod.Post, $"/v1.0/publish/{Names.PubSub}/{Topics.Envelope}?metadata.rawPayload=abc", SidecarUnderTest.Content("{}", "application/json"));

        DaprAssert.Error(response, 400, "ERR_PUBSUB_REQUEST_METADATA");
    }

    [Fact]
    public async Task Publish_CloudEventMetadataOverrides_ReplaceIdSourceAndType()
    {
        var marker = Marker();
        await PublishAsync(
            Topics.Envelope,
            SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json"),
            $"?metadata.cloudevent.id=id-{marker}&metadata.cloudevent.source=custom-source&metadata.cloudevent.type=custom.type");

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        Assert.Equal($"id-{marker}", DaprAssert.String(ce, "id"));
        Assert.Equal("custom-source", DaprAssert.String(ce, "source"));
        Assert.Equal("custom.type", DaprAssert.String(ce, "type"));
    }

    [Fact]
    public async Task Publish_TraceparentOverride_SetsTraceparentAndTraceidAndTracestate()
    {
        // §3.1 metadata.cloudevent.traceparent/tracestate; an overridden traceparent is also used for traceid.
        const string traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var marker = Marker();
        await PublishAsync(
            Topics.Envelope,
            SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json"),
            $"?metadata.cloudevent.traceparent={traceparent}&metadata.cloudevent.tracestate=congo%3Dt61rcWkgMzE");

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        Assert.Equal(traceparent, DaprAssert.String(ce, "traceparent"));
        Assert.Equal(traceparent, DaprAssert.String(ce, "traceid"));
        Assert.Equal("congo=t61rcWkgMzE", DaprAssert.String(ce, "tracestate"));
    }

    [Fact]
    public async Task Publish_TopicContainingSlashes_IsDeliveredWithTheFullTopic()
    {
        // §3.1: {topic} is a wildcard segment, topics may contain "/".
        var marker = Marker();
        await PublishAsync(Topics.Slashed, SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json"));

        var ce = (await DeliveryAsync(Topics.Slashed, marker)).Json();
        Assert.Equal(Topics.Slashed, DaprAssert.String(ce, "topic"));
    }

    [Fact]
    public async Task Publish_WithPut_Returns204AndDelivers()
    {
        var marker = Marker();
        var response = await fixture.B.SendAsync(
            HttpMethod.Put, $"/v1.0/publish/{Names.PubSub}/{Topics.Envelope}", SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json"));

        DaprAssert.NoContent(response);
        await DeliveryAsync(Topics.Envelope, marker);
    }

    [Fact]
    public async Task Publish_EmptyTopic_Returns404TopicNameEmpty()
    {
        // §3.1 "404 ... or empty topic" (ERR_TOPIC_NAME_EMPTY): /publish/{pubsubname}/ matches the publish route with an
        // empty topic wildcard, so the trailing slash is not stripped (daprd strips it only when no route matches).
        var response = await fixture.B.SendAsync(HttpMethod.Post, $"/v1.0/publish/{Names.PubSub}/", SidecarUnderTest.Content("{}", "application/json"));

        DaprAssert.Error(response, 404, "ERR_TOPIC_NAME_EMPTY");
    }

    [Fact]
    public async Task BulkPublish_Alpha1_Returns204AndEachEntryIsWrappedAndDelivered()
    {
        // §3.3: POST /v1.0-alpha1/publish/bulk/{pubsub}/{topic}; entries are wrapped individually by contentType.
        var (first, second) = (Marker(), Marker());
        var body = $$"""
            [ { "entryId": "1", "event": "text {{first}}", "contentType": "text/plain" },
              { "entryId": "2", "event": { "marker": "{{second}}" }, "contentType": "application/json" } ]
            """;
        var response = await fixture.B.PostJsonAsync($"/v1.0-alpha1/publish/bulk/{Names.PubSub}/{Topics.Envelope}", body);

        DaprAssert.NoContent(response);
        var text = (await DeliveryAsync(Topics.Envelope, first)).Json();
        Assert.Equal($"text {first}", DaprAssert.String(text, "data"));
        Assert.Equal("text/plain", DaprAssert.String(text, "datacontenttype"));
        var json = (await DeliveryAsync(Topics.Envelope, second)).Json();
        DaprAssert.JsonEquivalent($$"""{"marker":"{{second}}"}""", json.GetProperty("data"));
        AssertEnvelopeBasics(json, Topics.Envelope, Names.AppB);
    }

    [Fact]
    public async Task BulkPublish_DuplicateEntryId_Returns400()
    {
        // §3.3: entryId required and unique (else 400).
        var body = """[ { "entryId": "1", "event": "a", "contentType": "text/plain" }, { "entryId": "1", "event": "b", "contentType": "text/plain" } ]""";
        var response = await fixture.B.PostJsonAsync($"/v1.0-alpha1/publish/bulk/{Names.PubSub}/{Topics.Envelope}", body);

        DaprAssert.Status(response, 400);
    }

    [Fact]
    public async Task Publish_UnknownPubsub_Returns404PubsubNotFound()
    {
        var response = await fixture.B.SendAsync(
            HttpMethod.Post, "/v1.0/publish/no-such-pubsub/orders", SidecarUnderTest.Content("{}", "application/json"));

        DaprAssert.Error(response, 404, "ERR_PUBSUB_NOT_FOUND");
    }

    [Fact]
    public async Task Publish_SourceIsThePublishingAppId()
    {
        // §3.2: source = publishing app id (conf-a publishing to its own subscription here).
        var marker = Marker();
        DaprAssert.NoContent(await fixture.A.SendAsync(
            HttpMethod.Post, $"/v1.0/publish/{Names.PubSub}/{Topics.Envelope}", SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json")));

        var ce = (await DeliveryAsync(Topics.Envelope, marker)).Json();
        Assert.Equal(Names.AppA, DaprAssert.String(ce, "source"));
    }
}
