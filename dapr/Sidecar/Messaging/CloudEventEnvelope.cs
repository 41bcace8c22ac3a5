using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaprShop.Sidecar.Api;

namespace DaprShop.Sidecar.Messaging;

/// <summary>
/// Builds the CloudEvents 1.0 envelope exactly as daprd does on publish (dapr/components-contrib pubsub/envelope.go,
/// reference §3.1–3.2): the body goes into <c>data</c> or <c>data_base64</c> depending on its content type, or is
/// itself the event when sent as application/cloudevents+json.
/// </summary>
public static class CloudEventEnvelope
{
    public const string ContentType = "application/cloudevents+json";
    public const string DefaultType = "com.dapr.event.sent";
    public const string SpecVersion = "1.0";

    /// <param name="Overrides">From <c>metadata.cloudevent.*</c> query parameters: id, source, type, traceid, traceparent, tracestate.</param>
    public sealed record PublishContext(
        string SourceAppId,
        string PubsubName,
        string Topic,
        string TraceParent,
        string? TraceState,
        IReadOnlyDictionary<string, string> Overrides,
        DateTimeOffset? Expiration);

    public static byte[] Wrap(ReadOnlySpan<byte> body, string? contentType, PublishContext context)
    {
        if (IsMediaType(contentType, ContentType)) return CompleteExisting(body, context);

        var buffer = new MemoryStream(body.Length + 512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", context.Overrides.GetValueOrDefault("id") ?? Guid.NewGuid().ToString());
            json.WriteString("specversion", SpecVersion);
            json.WriteString("source", context.Overrides.GetValueOrDefault("source") ?? context.SourceAppId);
            json.WriteString("type", context.Overrides.GetValueOrDefault("type") ?? DefaultType);
            var traceParent = context.Overrides.GetValueOrDefault("traceparent") ?? context.Overrides.GetValueOrDefault("traceid") ?? context.TraceParent;
            json.WriteString("traceid", context.Overrides.GetValueOrDefault("traceid") ?? traceParent);
            json.WriteString("traceparent", traceParent);
            json.WriteString("tracestate", context.Overrides.GetValueOrDefault("tracestate") ?? context.TraceState ?? "");
            json.WriteString("topic", context.Topic);
            json.WriteString("pubsubname", context.PubsubName);
            json.WriteString("time", FormatTime(DateTimeOffset.UtcNow));
            if (context.Expiration is { } expiration) json.WriteString("expiration", FormatTime(expiration));
            WriteData(json, body, contentType);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Daprd wraps a raw (rawPayload) message into this synthetic event before delivering it.</summary>
    public static byte[] FromRawPayload(ReadOnlySpan<byte> body, string pubsubName, string topic)
    {
        var buffer = new MemoryStream(body.Length * 4 / 3 + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteString("specversion", SpecVersion);
            json.WriteString("source", "Dapr");
            json.WriteString("type", DefaultType);
            json.WriteString("topic", topic);
            json.WriteString("pubsubname", pubsubName);
            json.WriteString("datacontenttype", "application/octet-stream");
            json.WriteBase64String("data_base64", body);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool IsMediaType(string? contentType, string mediaType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var semicolon = contentType.IndexOf(';');
        var type = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return string.Equals(type, mediaType, StringComparison.OrdinalIgnoreCase);
    }

    private static void WriteData(Utf8JsonWriter json, ReadOnlySpan<byte> body, string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            json.WriteString("datacontenttype", "text/plain");
            json.WriteString("data", Encoding.UTF8.GetString(body));
            return;
        }
        json.WriteString("datacontenttype", contentType);
        if (IsMediaType(contentType, "application/json") && JsonValues.IsJson(body))
        {
            json.WritePropertyName("data");
            json.WriteRawValue(body, skipInputValidation: true);
        }
        else if (IsMediaType(contentType, "application/octet-stream"))
            json.WriteBase64String("data_base64", body);
        else
            json.WriteString("data", Encoding.UTF8.GetString(body));
    }

    /// <summary>A caller-built CloudEvent: topic and pubsubname are always overwritten; missing attributes get defaults.</summary>
    private static byte[] CompleteExisting(ReadOnlySpan<byte> body, PublishContext context)
    {
        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(body) as JsonObject ?? throw new CloudEventException("the cloud event is not a JSON object");
        }
        catch (JsonException error)
        {
            throw new CloudEventException(error.Message);
        }
        envelope["topic"] = context.Topic;
        envelope["pubsubname"] = context.PubsubName;
        envelope["time"] ??= FormatTime(DateTimeOffset.UtcNow);
        envelope["traceid"] ??= context.TraceParent;
        envelope["traceparent"] ??= context.TraceParent;
        if (context.TraceState is not null) envelope["tracestate"] ??= context.TraceState;
        envelope["source"] ??= "Dapr";
        envelope["type"] ??= DefaultType;
        envelope["specversion"] ??= SpecVersion;
        if (context.Expiration is { } expiration) envelope["expiration"] ??= FormatTime(expiration);
        return JsonSerializer.SerializeToUtf8Bytes(envelope);
    }
}

public sealed class CloudEventException(string message) : Exception(message);
