using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Dapr;

/// <summary>
/// The envelope of the CloudEvent that <c>UseCloudEvents</c> unwrapped for this request: use <see cref="Id"/>
/// (unique per published event, stable across redeliveries) to make handlers idempotent.
/// Declare a parameter of this type on a topic handler to receive it; a request that was not a CloudEvent then gets 400.
/// </summary>
public sealed record CloudEventAttributes
{
    public required string Id { get; init; }

    public string? Source { get; init; }

    public string? Type { get; init; }

    public string? SpecVersion { get; init; }

    public string? DataContentType { get; init; }

    public string? Subject { get; init; }

    public DateTimeOffset? Time { get; init; }

    /// <summary>Dapr extension: the topic the event was published to.</summary>
    public string? Topic { get; init; }

    /// <summary>Dapr extension: the pub/sub component it came through.</summary>
    public string? PubsubName { get; init; }

    /// <summary>W3C trace context of the publisher, as Dapr recorded it.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    /// <summary>Set when the event was published with a TTL the broker does not enforce itself.</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>The whole envelope, for attributes not listed here.</summary>
    public JsonElement Envelope { get; init; }

    /// <summary>Minimal-API parameter binding.</summary>
    public static ValueTask<CloudEventAttributes?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Features.Get<ICloudEventFeature>()?.CloudEvent);

    internal static CloudEventAttributes FromEnvelope(JsonElement envelope) => new()
    {
        Id = Text(envelope, "id") ?? "",
        Source = Text(envelope, "source"),
        Type = Text(envelope, "type"),
        SpecVersion = Text(envelope, "specversion"),
        DataContentType = Text(envelope, "datacontenttype"),
        Subject = Text(envelope, "subject"),
        Time = Timestamp(envelope, "time"),
        Topic = Text(envelope, "topic"),
        PubsubName = Text(envelope, "pubsubname"),
        TraceParent = Text(envelope, "traceparent"),
        TraceState = Text(envelope, "tracestate"),
        Expiration = Timestamp(envelope, "expiration"),
        Envelope = envelope.Clone(),
    };

    private static string? Text(JsonElement envelope, string name) =>
        envelope.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Timestamp(JsonElement envelope, string name) =>
        DateTimeOffset.TryParse(Text(envelope, name), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time
            : null;
}
