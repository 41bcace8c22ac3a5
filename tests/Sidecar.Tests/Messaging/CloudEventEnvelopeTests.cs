using System.Text;
using System.Text.Json;
using DaprShop.Sidecar.Messaging;

namespace DaprShop.Sidecar.Tests.Messaging;

public sealed class CloudEventEnvelopeTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static readonly CloudEventEnvelope.PublishContext Context =
        new("checkout", "pubsub", "orders", TraceParent, null, new Dictionary<string, string>(), null);

    [Fact]
    public void Json_body_becomes_structured_data_with_daprs_attributes()
    {
        var envelope = Parse(CloudEventEnvelope.Wrap("""{"orderId":42}"""u8, "application/json", Context));

        Assert.Equal("1.0", envelope.GetProperty("specversion").GetString());
        Assert.Equal("checkout", envelope.GetProperty("source").GetString());
        Assert.Equal("com.dapr.event.sent", envelope.GetProperty("type").GetString());
        Assert.Equal("orders", envelope.GetProperty("topic").GetString());
        Assert.Equal("pubsub", envelope.GetProperty("pubsubname").GetString());
        Assert.Equal(TraceParent, envelope.GetProperty("traceparent").GetString());
        Assert.Equal(TraceParent, envelope.GetProperty("traceid").GetString());
        Assert.Equal("application/json", envelope.GetProperty("datacontenttype").GetString());
        Assert.Equal(42, envelope.GetProperty("data").GetProperty("orderId").GetInt32());
        Assert.True(Guid.TryParse(envelope.GetProperty("id").GetString(), out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", envelope.GetProperty("time").GetString()!);
    }

    [Fact]
    public void Invalid_json_declared_as_json_is_carried_as_a_string()
    {
        var envelope = Parse(CloudEventEnvelope.Wrap("not json"u8, "application/json", Context));

        Assert.Equal("not json", envelope.GetProperty("data").GetString());
    }

    [Fact]
    public void No_content_type_means_text_plain()
    {
        var envelope = Parse(CloudEventEnvelope.Wrap("hello"u8, null, Context));

        Assert.Equal("text/plain", envelope.GetProperty("datacontenttype").GetString());
        Assert.Equal("hello", envelope.GetProperty("data").GetString());
    }

    [Fact]
    public void Octet_stream_goes_to_data_base64()
    {
        var envelope = Parse(CloudEventEnvelope.Wrap(new byte[] { 0, 1, 2, 255 }, "application/octet-stream", Context));

        Assert.False(envelope.TryGetProperty("data", out _));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, envelope.GetProperty("data_base64").GetBytesFromBase64());
    }

    [Fact]
    public void Other_content_types_are_carried_as_strings()
    {
        var envelope = Parse(CloudEventEnvelope.Wrap("<a/>"u8, "application/xml", Context));

        Assert.Equal("<a/>", envelope.GetProperty("data").GetString());
        Assert.Equal("application/xml", envelope.GetProperty("datacontenttype").GetString());
    }

    [Fact]
    public void Metadata_overrides_replace_id_source_and_type()
    {
        var context = Context with { Overrides = new Dictionary<string, string> { ["id"] = "fixed", ["source"] = "s", ["type"] = "t" } };

        var envelope = Parse(CloudEventEnvelope.Wrap("{}"u8, "application/json", context));

        Assert.Equal("fixed", envelope.GetProperty("id").GetString());
        Assert.Equal("s", envelope.GetProperty("source").GetString());
        Assert.Equal("t", envelope.GetProperty("type").GetString());
    }

    [Fact]
    public void A_caller_built_event_keeps_its_id_and_gets_topic_and_defaults()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"mine","topic":"wrong","data":{"x":1}}""");

        var envelope = Parse(CloudEventEnvelope.Wrap(body, "application/cloudevents+json", Context));

        Assert.Equal("mine", envelope.GetProperty("id").GetString());
        Assert.Equal("orders", envelope.GetProperty("topic").GetString());
        Assert.Equal("pubsub", envelope.GetProperty("pubsubname").GetString());
        Assert.Equal("Dapr", envelope.GetProperty("source").GetString());
        Assert.Equal("com.dapr.event.sent", envelope.GetProperty("type").GetString());
        Assert.Equal("1.0", envelope.GetProperty("specversion").GetString());
    }

    [Fact]
    public void A_caller_built_event_must_be_a_json_object()
    {
        Assert.Throws<CloudEventException>(() => CloudEventEnvelope.Wrap("[1]"u8, "application/cloudevents+json", Context));
        Assert.Throws<CloudEventException>(() => CloudEventEnvelope.Wrap("{"u8, "application/cloudevents+json", Context));
    }

    [Fact]
    public void Expiration_is_written_when_a_ttl_applies()
    {
        var expiration = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var envelope = Parse(CloudEventEnvelope.Wrap("{}"u8, "application/json", Context with { Expiration = expiration }));

        Assert.Equal("2030-01-02T03:04:05Z", envelope.GetProperty("expiration").GetString());
    }

    [Fact]
    public void Raw_payloads_are_wrapped_as_daprd_does_before_delivery()
    {
        var envelope = Parse(CloudEventEnvelope.FromRawPayload("raw"u8, "pubsub", "orders"));

        Assert.Equal("Dapr", envelope.GetProperty("source").GetString());
        Assert.Equal("application/octet-stream", envelope.GetProperty("datacontenttype").GetString());
        Assert.Equal("raw", Encoding.UTF8.GetString(envelope.GetProperty("data_base64").GetBytesFromBase64()));
    }

    private static JsonElement Parse(byte[] json) => JsonDocument.Parse(json).RootElement.Clone();
}
