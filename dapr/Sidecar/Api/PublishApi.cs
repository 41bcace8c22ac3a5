using System.Diagnostics;
using DaprShop.Sidecar.Components.PubSub;
using DaprShop.Sidecar.Messaging;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>The publish API (reference §3.1): wraps the body in a CloudEvent unless rawPayload is set.</summary>
public static class PublishApi
{
    private const string CloudEventOverridePrefix = "cloudevent.";

    public static void MapPublishApi(this IEndpointRouteBuilder api)
    {
        // Topics may contain '/', so the topic is a catch-all segment.
        api.MapMethods("/v1.0/publish/{pubsub}/{**topic}", ["POST", "PUT"], PublishAsync);
    }

    private static async Task PublishAsync(HttpContext context, SidecarRuntime runtime, string pubsub, string? topic)
    {
        if (runtime.Components.PubSubs.Count == 0) throw DaprErrors.PubSubNotConfigured();
        if (string.IsNullOrEmpty(pubsub)) throw DaprErrors.PubSubEmpty();
        if (!runtime.Components.PubSubs.TryGetValue(pubsub, out var component))
            throw DaprErrors.PubSubNotFound(runtime.Options.AppId, pubsub);
        if (string.IsNullOrEmpty(topic)) throw DaprErrors.TopicEmpty(pubsub);
        TopicScopes.EnsurePublishAllowed(component.Resource, runtime.Options.AppId, topic);

        var metadata = ApiRequest.QueryMetadata(context.Request);
        var rawPayload = false;
        if (metadata.TryGetValue("rawPayload", out var raw) && !bool.TryParse(raw, out rawPayload))
            throw new DaprApiError(400, "ERR_PUBSUB_REQUEST_METADATA", $"failed deserializing metadata: rawPayload value '{raw}' is not a boolean");
        DateTimeOffset? expiration = null;
        if (metadata.TryGetValue("ttlInSeconds", out var ttlText))
        {
            if (!int.TryParse(ttlText, out var ttl))
                throw new DaprApiError(400, "ERR_PUBSUB_REQUEST_METADATA", $"failed deserializing metadata: ttlInSeconds value '{ttlText}' is not an integer");
            if (ttl > 0) expiration = DateTimeOffset.UtcNow.AddSeconds(ttl);
        }

        var body = await ApiRequest.ReadBodyAsync(context);
        var contentType = context.Request.ContentType;
        byte[] data;
        if (rawPayload)
        {
            data = body;
        }
        else
        {
            var overrides = metadata
                .Where(pair => pair.Key.StartsWith(CloudEventOverridePrefix, StringComparison.Ordinal))
                .ToDictionary(pair => pair.Key[CloudEventOverridePrefix.Length..], pair => pair.Value);
            var traceParent = context.Request.Headers["traceparent"].ToString() is { Length: > 0 } incoming ? incoming : NewTraceParent();
            var tracestate = context.Request.Headers["tracestate"].ToString();
            try
            {
                data = CloudEventEnvelope.Wrap(body, contentType, new CloudEventEnvelope.PublishContext(
                    runtime.Options.AppId, pubsub, topic, traceParent, tracestate.Length > 0 ? tracestate : null, overrides, expiration));
            }
            catch (CloudEventException error)
            {
                throw new DaprApiError(500, "ERR_PUBSUB_CLOUD_EVENTS_SER", $"error when marshalling cloud event envelope for topic {topic} pubsub {pubsub}: {error.Message}");
            }
            contentType = CloudEventEnvelope.ContentType;
        }

        var brokerMetadata = metadata
            .Where(pair => !pair.Key.StartsWith(CloudEventOverridePrefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        try
        {
            await component.PubSub.PublishAsync(topic, new BrokerMessage(data, contentType ?? "text/plain", brokerMetadata), context.RequestAborted);
        }
        catch (Exception error) when (error is not OperationCanceledException and not DaprApiError)
        {
            throw new DaprApiError(500, "ERR_PUBSUB_PUBLISH_MESSAGE", $"error when publish to topic {topic} in pubsub {pubsub}: {error.Message}");
        }
        ApiResponse.NoContent(context);
    }

    private static string NewTraceParent() =>
        $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
}
