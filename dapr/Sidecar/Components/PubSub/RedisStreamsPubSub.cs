using System.Collections.Concurrent;
using System.Threading.Channels;
using DaprShop.Sidecar.Components.Redis;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.PubSub;

/// <summary>
/// <c>pubsub.redis</c>: Redis Streams, wire-compatible with daprd's (components-contrib <c>pubsub/redis/redis.go</c>),
/// so this sidecar and real daprd can publish to and consume from the same Redis. Publishing is XADD on the stream
/// named after the topic (<see cref="RedisStreamEntry"/>); each subscription is a <see cref="RedisStreamConsumer"/>.
/// As in daprd, the messages every consumer reads go through one queue of <c>queueDepth</c> entries to
/// <c>concurrency</c> workers, so at most that many messages are with subscribers at once.
/// </summary>
public sealed class RedisStreamsPubSub : IPubSub
{
    private readonly RedisStreamsSettings _settings;
    private readonly RedisClient _client;
    private readonly ILogger _logger;
    private readonly Channel<(RedisStreamConsumer Consumer, RedisStreamEntry Entry)> _queue;
    private readonly ConcurrentQueue<RedisStreamConsumer> _consumers = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;

    private RedisStreamsPubSub(RedisStreamsSettings settings, RedisClient client, ILogger logger)
    {
        (_settings, _client, _logger) = (settings, client, logger);
        _queue = Channel.CreateBounded<(RedisStreamConsumer, RedisStreamEntry)>(settings.QueueDepth);
        _workers = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(WorkAsync)).ToArray();
    }

    /// <summary>Connects and PINGs like daprd's Init, so an unreachable Redis fails the sidecar's start.</summary>
    public static RedisStreamsPubSub Create(ComponentContext context)
    {
        var settings = RedisStreamsSettings.FromMetadata(context);
        var client = new RedisClient(settings.Connection);
        try
        {
            // Components are created synchronously (ComponentFactory); this runs once at start-up, where blocking is harmless.
            client.ExecuteAsync(["PING"], CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is RedisConnectionException or RedisServerException)
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new ComponentInitException($"redis streams: error connecting to redis at {settings.Connection.Address}: {error.Message}", error);
        }
        return new RedisStreamsPubSub(settings, client, context.LoggerFactory.CreateLogger($"pubsub.redis/{context.Name}"));
    }

    /// <summary>
    /// The reference's metadata API example lists MESSAGE_TTL for pubsub.redis (components-contrib metadata.yaml:
    /// capability "ttl"). Expiry itself is the runtime's: it writes <c>expiration</c> into the CloudEvent at publish
    /// and drops expired messages at delivery, whatever the broker.
    /// </summary>
    public IReadOnlyList<string> Features { get; } = ["MESSAGE_TTL"];

    /// <summary>XADD topic [MAXLEN ~ maxLenApprox] * data &lt;bytes&gt; metadata &lt;json&gt;.</summary>
    public async Task PublishAsync(string topic, BrokerMessage message, CancellationToken cancellationToken)
    {
        object[] cap = _settings.MaxLenApprox > 0 ? ["MAXLEN", "~", _settings.MaxLenApprox] : [];
        await _client.ExecuteAsync(["XADD", topic, .. cap, "*", .. RedisStreamEntry.Fields(message)], cancellationToken);
    }

    public IAsyncDisposable Subscribe(string topic, string consumerGroup, BrokerHandler handler)
    {
        var consumer = new RedisStreamConsumer(topic, consumerGroup, handler, _client, _settings, _queue.Writer, _logger);
        _consumers.Enqueue(consumer);
        return consumer;
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var (consumer, entry) in _queue.Reader.ReadAllAsync(_stopping.Token)) await consumer.ProcessAsync(entry);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops every consumer, then the workers (a handler in progress is cancelled), then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        while (_consumers.TryDequeue(out var consumer)) await consumer.DisposeAsync();
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers);
        _stopping.Dispose();
        await _client.DisposeAsync();
    }
}
