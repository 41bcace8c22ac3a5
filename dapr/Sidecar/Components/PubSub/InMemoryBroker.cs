using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.PubSub;

/// <summary>
/// An in-process message broker shared by every sidecar of a run. Each topic keeps one queue per consumer group:
/// a message goes to every group (fan-out across app ids) and to one consumer of a group (competing consumers).
/// A group's queue outlives its consumers, so messages wait while a subscriber restarts. Deliveries run
/// concurrently, so one slow message or subscriber does not hold up the others.
/// </summary>
public sealed class InMemoryBroker(ILogger logger) : IAsyncDisposable
{
    private const int MaxInFlightPerGroup = 64;
    private static readonly TimeSpan FirstRedeliveryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRedeliveryDelay = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ConsumerGroup>> _topics = new();
    private readonly CancellationTokenSource _stopping = new();

    public void Publish(string topic, BrokerMessage message)
    {
        if (!_topics.TryGetValue(topic, out var groups)) return;
        foreach (var group in groups.Values) group.Enqueue(new Delivery(message, 0));
    }

    public IAsyncDisposable Subscribe(string topic, string consumerGroup, BrokerHandler handler)
    {
        var groups = _topics.GetOrAdd(topic, _ => new ConcurrentDictionary<string, ConsumerGroup>());
        var group = groups.GetOrAdd(consumerGroup, name => new ConsumerGroup(topic, name, logger, _stopping.Token));
        return group.AddConsumer(handler);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private sealed record Delivery(BrokerMessage Message, int Attempt);

    private sealed class ConsumerGroup
    {
        private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>();
        private readonly List<BrokerHandler> _consumers = [];
        private readonly SemaphoreSlim _inFlight = new(MaxInFlightPerGroup);
        private readonly string _topic;
        private readonly string _name;
        private readonly ILogger _logger;
        private readonly CancellationToken _stopping;
        private TaskCompletionSource _consumerAvailable = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _nextConsumer;

        public ConsumerGroup(string topic, string name, ILogger logger, CancellationToken stopping)
        {
            (_topic, _name, _logger, _stopping) = (topic, name, logger, stopping);
            _ = Task.Run(DispatchAsync);
        }

        public void Enqueue(Delivery delivery) => _queue.Writer.TryWrite(delivery);

        public IAsyncDisposable AddConsumer(BrokerHandler handler)
        {
            lock (_consumers)
            {
                _consumers.Add(handler);
                _consumerAvailable.TrySetResult();
            }
            return new Unsubscriber(() =>
            {
                lock (_consumers)
                {
                    _consumers.Remove(handler);
                    if (_consumers.Count == 0) _consumerAvailable = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            });
        }

        private async Task DispatchAsync()
        {
            try
            {
                while (await _queue.Reader.WaitToReadAsync(_stopping))
                {
                    var consumer = await NextConsumerAsync();
                    await _inFlight.WaitAsync(_stopping);
                    if (!_queue.Reader.TryRead(out var delivery))
                    {
                        _inFlight.Release();
                        continue;
                    }
                    _ = DeliverAsync(consumer, delivery);
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
        }

        private async Task<BrokerHandler> NextConsumerAsync()
        {
            while (true)
            {
                Task available;
                lock (_consumers)
                {
                    if (_consumers.Count > 0) return _consumers[_nextConsumer++ % _consumers.Count];
                    available = _consumerAvailable.Task;
                }
                await available.WaitAsync(_stopping);
            }
        }

        private async Task DeliverAsync(BrokerHandler consumer, Delivery delivery)
        {
            var result = DeliveryResult.Retry;
            try
            {
                result = await consumer(delivery.Message, _stopping);
            }
            catch (Exception error) when (!_stopping.IsCancellationRequested)
            {
                _logger.LogWarning(error, "delivery on topic {Topic} to {Group} failed", _topic, _name);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                _inFlight.Release();
            }
            if (result == DeliveryResult.Retry && !_stopping.IsCancellationRequested)
                _ = RedeliverLaterAsync(delivery with { Attempt = delivery.Attempt + 1 });
        }

        private async Task RedeliverLaterAsync(Delivery delivery)
        {
            var delay = TimeSpan.FromMilliseconds(Math.Min(
                FirstRedeliveryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(delivery.Attempt - 1, 16)),
                MaxRedeliveryDelay.TotalMilliseconds));
            try
            {
                await Task.Delay(delay, _stopping);
                Enqueue(delivery);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
            return ValueTask.CompletedTask;
        }
    }
}
