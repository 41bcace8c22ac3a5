using DaprShop.Dapr;

namespace Microsoft.AspNetCore.Builder;

public static class TopicEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Subscribes the endpoint to <paramref name="topic"/> of <paramref name="pubsubName"/>: <c>MapSubscribeHandler</c>
    /// lists it in <c>GET /dapr/subscribe</c> with the endpoint's route, and daprd then POSTs each event there as a
    /// CloudEvent. Answer with <c>TopicResults</c> (SUCCESS/RETRY/DROP); an unhandled exception (500) means retry.
    /// </summary>
    /// <param name="metadata">Subscription metadata for the component, e.g. <c>{ ["rawPayload"] = "true" }</c>.</param>
    /// <param name="match">
    /// A CEL routing rule over the CloudEvent, e.g. <c>event.data.status == "Paid"</c> (Dapr's <c>routes.rules</c>): only
    /// matching events are delivered; the sidecar drops the others (to <paramref name="deadLetterTopic"/>, if set).
    /// </param>
    public static TBuilder WithTopic<TBuilder>(
        this TBuilder builder,
        string pubsubName,
        string topic,
        string? deadLetterTopic = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        string? match = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(pubsubName);
        ArgumentException.ThrowIfNullOrEmpty(topic);

        return builder.WithMetadata(new TopicSubscription(
            pubsubName, topic, string.IsNullOrEmpty(deadLetterTopic) ? null : deadLetterTopic, metadata ?? new Dictionary<string, string>(),
            string.IsNullOrWhiteSpace(match) ? null : match));
    }
}
