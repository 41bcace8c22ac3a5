using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.PubSub;

/// <summary>
/// <c>pubsub.in-memory</c>. Unlike daprd's (one bus per sidecar), all sidecars of one process share the broker of
/// the same component name, so the apps of a multi-app run can talk to each other.
/// </summary>
public sealed class InMemoryPubSub(InMemoryBroker broker) : IPubSub
{
    private readonly List<IAsyncDisposable> _subscriptions = [];

    public static InMemoryPubSub Create(ComponentContext context) =>
        new(context.Shared.GetOrAdd(context.Name, () =>
            new InMemoryBroker(context.LoggerFactory.CreateLogger($"pubsub.in-memory/{context.Name}"))));

    public IReadOnlyList<string> Features => [];

    public Task PublishAsync(string topic, BrokerMessage message, CancellationToken cancellationToken)
    {
        broker.Publish(topic, message);
        return Task.CompletedTask;
    }

    public IAsyncDisposable Subscribe(string topic, string consumerGroup, BrokerHandler handler)
    {
        var subscription = broker.Subscribe(topic, consumerGroup, handler);
        lock (_subscriptions) _subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>Ends this sidecar's subscriptions; the shared broker and its queued messages stay.</summary>
    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }
        foreach (var subscription in subscriptions) await subscription.DisposeAsync();
    }
}
