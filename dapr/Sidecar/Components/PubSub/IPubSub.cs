namespace DaprShop.Sidecar.Components.PubSub;

/// <summary>
/// A message broker as the sidecar sees it. The broker owns redelivery: when a handler returns
/// <see cref="DeliveryResult.Retry"/> (or throws) the broker delivers the message again later, so a message
/// it has accepted is never lost while the process lives.
/// </summary>
public interface IPubSub : IAsyncDisposable
{
    IReadOnlyList<string> Features { get; }

    Task PublishAsync(string topic, BrokerMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Subscribes one consumer of <paramref name="consumerGroup"/> to <paramref name="topic"/>. Each message goes to
    /// every consumer group (fan-out) and to exactly one consumer inside a group (competing consumers).
    /// Dispose the result to unsubscribe; messages in flight to that consumer are handed to another one or kept.
    /// </summary>
    IAsyncDisposable Subscribe(string topic, string consumerGroup, BrokerHandler handler);
}

public delegate Task<DeliveryResult> BrokerHandler(BrokerMessage message, CancellationToken cancellationToken);

/// <param name="Data">Message bytes exactly as published (normally a CloudEvent JSON document).</param>
/// <param name="Metadata">Broker message metadata; becomes HTTP headers on delivery.</param>
public sealed record BrokerMessage(byte[] Data, string ContentType, IReadOnlyDictionary<string, string> Metadata);

public enum DeliveryResult
{
    /// <summary>Processed (or deliberately dropped by the runtime): remove from the broker.</summary>
    Done,

    /// <summary>Not processed: deliver again later.</summary>
    Retry,
}
