using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DaprShop.Sidecar.Components.PubSub;
using DaprShop.Sidecar.Resources;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Messaging;

/// <summary>
/// Delivers messages of one subscription to the app and interprets its answer as daprd does (reference §3.6):
/// SUCCESS → done; RETRY, other statuses, errors and timeouts → retried under the component's inbound resiliency
/// policy, then dead-lettered when a dead-letter topic is set, else handed back to the broker for redelivery;
/// DROP → dead-lettered when set, else dropped; 404 → dropped.
/// </summary>
public sealed class SubscriptionDelivery(
    TopicSubscription subscription,
    IPubSub pubsub,
    AppChannel app,
    RetryPolicy? retryPolicy,
    TimeSpan timeout,
    Func<bool> isAppHealthy,
    ILogger logger)
{
    private static readonly MediaTypeHeaderValue CloudEventsContentType = new(CloudEventEnvelope.ContentType);

    private enum AppAnswer { Success, Retry, Drop, NotFound }

    public async Task<DeliveryResult> HandleAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        // While the app is unhealthy daprd pauses subscriptions; leaving the message with the broker does the same.
        if (!isAppHealthy()) return DeliveryResult.Retry;

        var payload = subscription.RawPayload
            ? CloudEventEnvelope.FromRawPayload(message.Data, subscription.PubsubName, subscription.Topic)
            : message.Data;
        JsonDocument envelope;
        try
        {
            envelope = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            logger.LogWarning("Message on {Topic} is not a JSON cloud event", subscription.Topic);
            return await DeadLetterOrAsync(message, DeliveryResult.Retry, cancellationToken);
        }
        using (envelope)
        {
            var root = envelope.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return await DeadLetterOrAsync(message, DeliveryResult.Retry, cancellationToken);
            if (IsExpired(root))
            {
                logger.LogWarning("Dropping expired message on {Topic}", subscription.Topic);
                return await DeadLetterOrAsync(message, DeliveryResult.Done, cancellationToken);
            }
            var route = subscription.RouteFor(root);
            if (route is null)
            {
                logger.LogWarning("No route matches the message on {Topic}; dropping it", subscription.Topic);
                return await DeadLetterOrAsync(message, DeliveryResult.Done, cancellationToken);
            }
            var traceParent = root.TryGetProperty("traceparent", out var trace) && trace.ValueKind == JsonValueKind.String ? trace.GetString() : null;
            return await DeliverWithRetriesAsync(message, payload, route, traceParent, cancellationToken);
        }
    }

    private async Task<DeliveryResult> DeliverWithRetriesAsync(
        BrokerMessage message, byte[] payload, string route, string? traceParent, CancellationToken cancellationToken)
    {
        for (var retry = 1; ; retry++)
        {
            var answer = await SendAsync(message, payload, route, traceParent, cancellationToken);
            switch (answer)
            {
                case AppAnswer.Success:
                    return DeliveryResult.Done;
                case AppAnswer.NotFound:
                    logger.LogError("Route {Route} of topic {Topic} answered 404; dropping the message", route, subscription.Topic);
                    return DeliveryResult.Done;
                case AppAnswer.Drop:
                    logger.LogWarning("App dropped a message on {Topic}", subscription.Topic);
                    return await DeadLetterOrAsync(message, DeliveryResult.Done, cancellationToken);
            }
            if (retryPolicy?.DelayBeforeRetry(retry) is not { } delay)
                return await DeadLetterOrAsync(message, DeliveryResult.Retry, cancellationToken);
            await Task.Delay(delay, cancellationToken);
        }
    }

    private async Task<AppAnswer> SendAsync(
        BrokerMessage message, byte[] payload, string route, string? traceParent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route.StartsWith('/') ? route : "/" + route)
        {
            Content = new ByteArrayContent(payload),
        };
        request.Content.Headers.ContentType = CloudEventsContentType;
        foreach (var (key, value) in message.Metadata) request.Headers.TryAddWithoutValidation(key, value);
        request.Headers.Remove("pubsubname");
        request.Headers.TryAddWithoutValidation("pubsubname", subscription.PubsubName);
        if (traceParent is not null && !request.Headers.Contains("traceparent")) request.Headers.TryAddWithoutValidation("traceparent", traceParent);

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            using var response = await app.SendAsync(request, attempt.Token);
            if (response.StatusCode == HttpStatusCode.NotFound) return AppAnswer.NotFound;
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Route {Route} of topic {Topic} answered {Status}; will retry", route, subscription.Topic, (int)response.StatusCode);
                return AppAnswer.Retry;
            }
            return ParseStatus(await response.Content.ReadAsByteArrayAsync(attempt.Token));
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Delivering to {Route} of topic {Topic} failed: {Error}; will retry", route, subscription.Topic,
                error is OperationCanceledException ? $"timed out after {timeout}" : error.Message);
            return AppAnswer.Retry;
        }
    }

    /// <summary>Empty or non-JSON 2xx bodies are SUCCESS; status values are case-sensitive; unknown ones retry.</summary>
    private static AppAnswer ParseStatus(byte[] body)
    {
        if (body.Length == 0) return AppAnswer.Success;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("status", out var status)
                || status.ValueKind != JsonValueKind.String)
                return AppAnswer.Success;
            return status.GetString() switch
            {
                "SUCCESS" or "" => AppAnswer.Success,
                "DROP" => AppAnswer.Drop,
                _ => AppAnswer.Retry,
            };
        }
        catch (JsonException)
        {
            return AppAnswer.Success;
        }
    }

    private static bool IsExpired(JsonElement cloudEvent) =>
        cloudEvent.TryGetProperty("expiration", out var expiration)
        && expiration.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(expiration.GetString(), out var expiresAt)
        && expiresAt < DateTimeOffset.UtcNow;

    private async Task<DeliveryResult> DeadLetterOrAsync(BrokerMessage message, DeliveryResult otherwise, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subscription.Resource.DeadLetterTopic)) return otherwise;
        try
        {
            await pubsub.PublishAsync(subscription.Resource.DeadLetterTopic, message, cancellationToken);
            logger.LogWarning("Message on {Topic} sent to dead-letter topic {DeadLetterTopic}", subscription.Topic, subscription.Resource.DeadLetterTopic);
            return DeliveryResult.Done;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError("Publishing to dead-letter topic {DeadLetterTopic} failed: {Error}", subscription.Resource.DeadLetterTopic, error.Message);
            return DeliveryResult.Retry;
        }
    }
}
