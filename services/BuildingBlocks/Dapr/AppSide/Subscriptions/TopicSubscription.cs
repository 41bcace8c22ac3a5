namespace DaprShop.Dapr;

/// <summary>Endpoint metadata declaring that the endpoint receives a pub/sub topic (added by <c>WithTopic</c>).</summary>
/// <param name="DeadLetterTopic">Where daprd sends messages that were dropped or exhausted their retries; null for none.</param>
/// <param name="Metadata">Subscription metadata passed to the pub/sub component, e.g. <c>rawPayload</c>.</param>
public sealed record TopicSubscription(
    string PubsubName,
    string Topic,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata);
