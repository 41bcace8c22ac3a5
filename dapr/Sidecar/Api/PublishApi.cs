using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.PubSub;
using DaprShop.Sidecar.Messaging;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>
/// Publishing (reference §3.1 and §3.3 bulk): each event is wrapped in a CloudEvent unless rawPayload is set, then
/// handed to the broker.
/// </summary>
public static class PublishApi
{
    private const string CloudEventOverridePrefix = "cloudevent.";

    public static void MapPublishApi(this IEndpointRouteBuilder api)
    {
        // Topics may contain '/', so the topic is a catch-all segment.
        api.MapMethods("/v1.0/publish/{pubsub}/{**topic}", ["POST", "PUT"], PublishAsync);
        api.MapMethods("/v1.0-alpha1/publish/bulk/{pubsub}/{**topic}", ["POST", "PUT"], BulkPublishAsync);
    }

    private static async Task PublishAsync(HttpContext context, SidecarRuntime runtime, string pubsub, string? topic)
    {
        var component = Target(runtime, pubsub, topic);
        var body = await ApiRequest.ReadBodyAsync(context);
        var message = Message(context, runtime, pubsub, topic!, body, context.Request.ContentType, ApiRequest.QueryMetadata(context.Request));
        await SendAsync(component, pubsub, topic!, message, context.RequestAborted);
        ApiResponse.NoContent(context);
    }

    private static async Task BulkPublishAsync(HttpContext context, SidecarRuntime runtime, string pubsub, string? topic)
    {
        var component = Target(runtime, pubsub, topic);
        var requestMetadata = ApiRequest.QueryMetadata(context.Request);
        using var body = await ApiRequest.ReadJsonAsync(context);
        if (body.RootElement.ValueKind != JsonValueKind.Array) throw EventsError("the body must be a JSON array of entries");

        var entryIds = new HashSet<string>();
        var messages = new List<(string EntryId, BrokerMessage Message)>();
        foreach (var entry in body.RootElement.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object) throw EventsError("each entry must be a JSON object");
            var entryId = ApiRequest.OptionalString(entry, "entryId");
            if (string.IsNullOrEmpty(entryId)) throw EventsError("entryId is required for every entry");
            if (!entryIds.Add(entryId)) throw EventsError($"entryId {entryId} is duplicated");
            var contentType = ApiRequest.OptionalString(entry, "contentType");
            var data = EventBytes(entry.TryGetProperty("event", out var eventElement) ? eventElement : default, contentType, entryId);
            // Entry metadata overrides request metadata.
            var metadata = ApiRequest.Merge(requestMetadata, ApiRequest.StringMap(entry, "metadata") ?? new Dictionary<string, string>());
            messages.Add((entryId, Message(context, runtime, pubsub, topic!, data, contentType, metadata)));
        }

        var failed = new List<(string EntryId, string Error)>();
        foreach (var (entryId, message) in messages)
        {
            try
            {
                await SendAsync(component, pubsub, topic!, message, context.RequestAborted);
            }
            catch (DaprApiError error)
            {
                failed.Add((entryId, error.Message));
            }
        }
        if (failed.Count == 0)
        {
            ApiResponse.NoContent(context);
            return;
        }
        var response = new
        {
            failedEntries = failed.Select(f => new { entryId = f.EntryId, error = f.Error }),
            errorCode = "ERR_PUBSUB_PUBLISH_MESSAGE",
        };
        await ApiResponse.Json(context, JsonSerializer.SerializeToUtf8Bytes(response, ApiResponse.JsonOptions), StatusCodes.Status500InternalServerError);
    }

    private static PubSubComponent Target(SidecarRuntime runtime, string pubsub, string? topic)
    {
        if (runtime.Components.PubSubs.Count == 0) throw DaprErrors.PubSubNotConfigured();
        if (string.IsNullOrEmpty(pubsub)) throw DaprErrors.PubSubEmpty();
        if (!runtime.Components.PubSubs.TryGetValue(pubsub, out var component))
            throw DaprErrors.PubSubNotFound(runtime.Options.AppId, pubsub);
        if (string.IsNullOrEmpty(topic)) throw DaprErrors.TopicEmpty(pubsub);
        TopicScopes.EnsurePublishAllowed(component.Resource, runtime.Options.AppId, topic);
        return component;
    }

    /// <summary>The broker message for one event: a CloudEvent built from the body, or the raw body with rawPayload.</summary>
    private static BrokerMessage Message(
        HttpContext context, SidecarRuntime runtime, string pubsub, string topic, byte[] body, string? contentType, Dictionary<string, string> metadata)
    {
        var rawPayload = false;
        if (metadata.TryGetValue("rawPayload", out var raw) && !bool.TryParse(raw, out rawPayload))
            throw MetadataError($"rawPayload value '{raw}' is not a boolean");
        DateTimeOffset? expiration = null;
        if (metadata.TryGetValue("ttlInSeconds", out var ttlText))
        {
            if (!int.TryParse(ttlText, out var ttl)) throw MetadataError($"ttlInSeconds value '{ttlText}' is not an integer");
            if (ttl > 0) expiration = DateTimeOffset.UtcNow.AddSeconds(ttl);
        }
        var brokerMetadata = metadata
            .Where(pair => !pair.Key.StartsWith(CloudEventOverridePrefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        if (rawPayload) return new BrokerMessage(body, contentType ?? "application/octet-stream", brokerMetadata);

        var overrides = metadata
            .Where(pair => pair.Key.StartsWith(CloudEventOverridePrefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key[CloudEventOverridePrefix.Length..], pair => pair.Value);
        var traceParent = context.Request.Headers["traceparent"].ToString() is { Length: > 0 } incoming
            ? incoming
            : $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        var traceState = context.Request.Headers["tracestate"].ToString();
        try
        {
            var envelope = CloudEventEnvelope.Wrap(body, contentType, new CloudEventEnvelope.PublishContext(
                runtime.Options.AppId, pubsub, topic, traceParent, traceState.Length > 0 ? traceState : null, overrides, expiration));
            return new BrokerMessage(envelope, CloudEventEnvelope.ContentType, brokerMetadata);
        }
        catch (CloudEventException error)
        {
            throw new DaprApiError(500, "ERR_PUBSUB_CLOUD_EVENTS_SER", $"error when marshalling cloud event envelope for topic {topic} pubsub {pubsub}: {error.Message}");
        }
    }

    private static async Task SendAsync(PubSubComponent component, string pubsub, string topic, BrokerMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await component.PubSub.PublishAsync(topic, message, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new DaprApiError(500, "ERR_PUBSUB_PUBLISH_MESSAGE", $"error when publish to topic {topic} in pubsub {pubsub}: {error.Message}");
        }
    }

    /// <summary>How daprd turns a bulk entry's <c>event</c> into bytes, by its content type (ConvertEventToBytes).</summary>
    private static byte[] EventBytes(JsonElement value, string? contentType, string entryId)
    {
        if (CloudEventEnvelope.IsMediaType(contentType, "application/octet-stream"))
        {
            if (value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes)) return bytes;
            throw EventsError($"entry {entryId}: an application/octet-stream event must be a base64 string");
        }
        if (contentType is not null && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || CloudEventEnvelope.IsMediaType(contentType, "application/xml")))
        {
            if (value.ValueKind == JsonValueKind.String) return Encoding.UTF8.GetBytes(value.GetString()!);
            throw EventsError($"entry {entryId}: a {contentType} event must be a string");
        }
        if (CloudEventEnvelope.IsMediaType(contentType, "application/json") || CloudEventEnvelope.IsMediaType(contentType, CloudEventEnvelope.ContentType))
            return value.ValueKind == JsonValueKind.Undefined ? "null"u8.ToArray() : JsonValues.Compact(value);
        throw EventsError($"entry {entryId}: cannot convert data to bytes for event with contenttype: {contentType}");
    }

    private static DaprApiError MetadataError(string detail) =>
        new(400, "ERR_PUBSUB_REQUEST_METADATA", $"failed deserializing metadata: {detail}");

    private static DaprApiError EventsError(string detail) =>
        new(400, "ERR_PUBSUB_EVENTS_SER", $"error when serializing events: {detail}");
}
