namespace DaprShop.Dapr;

/// <summary>Endpoint metadata declaring that the endpoint receives a pub/sub topic (added by <c>WithTopic</c>).</summary>
/// <param name="DeadLetterTopic">Where daprd sends messages that were dropped or exhausted their retries; null for none.</param>
/// <param name="Metadata">Subscription metadata passed to the pub/sub component, e.g. <c>rawPayload</c>.</param>
/// <param name="Match">
/// A CEL routing rule over the CloudEvent (<c>event.data.status == "Paid"</c>); the sidecar drops events it does not
/// match instead of delivering them. Null delivers every event.
/// </param>
public sealed record TopicSubscription(
    string PubsubName,
    string Topic,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata,
    string? Match = null);
