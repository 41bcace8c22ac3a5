using System.Threading.Channels;
using DaprShop.Sidecar.Components.Redis;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.PubSub;

/// <summary>
/// One subscription of <c>pubsub.redis</c>: a consumer in the Redis consumer group of its <c>consumerID</c> on the
/// stream named after the topic, doing what components-contrib <c>pubsub/redis/redis.go</c> does:
/// <list type="bullet">
/// <item>XGROUP CREATE topic group 0 MKSTREAM (BUSYGROUP ignored): a new group starts at the beginning of the stream;</item>
/// <item>the consumer name is the group name, so every sidecar of an app id is the same consumer, and messages one
/// of them left pending are claimed by whichever checks first;</item>
/// <item>XREADGROUP GROUP group group COUNT queueDepth BLOCK readTimeout STREAMS topic &gt;, recreating the group on
/// NOGROUP (a Redis that lost its data);</item>
/// <item>once at start and then every redeliverInterval, XPENDING topic group - + queueDepth and XCLAIM of the entries
/// idle for at least processingTimeout, which delivers again what was not acknowledged.</item>
/// </list>
/// Acknowledging (XACK) happens after the handler returns Done, in <see cref="ProcessAsync"/>.
/// </summary>
internal sealed class RedisStreamConsumer : IAsyncDisposable
{
    // How long to wait before reading again after Redis could not be reached (daprd retries at once, in a busy loop).
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly string _topic;
    private readonly string _group;
    private readonly BrokerHandler _handler;
    private readonly RedisClient _client;
    private readonly RedisStreamsSettings _settings;
    private readonly ChannelWriter<(RedisStreamConsumer Consumer, RedisStreamEntry Entry)> _queue;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _reading;
    private readonly Task _reclaiming;

    public RedisStreamConsumer(
        string topic, string group, BrokerHandler handler, RedisClient client, RedisStreamsSettings settings,
        ChannelWriter<(RedisStreamConsumer Consumer, RedisStreamEntry Entry)> queue, ILogger logger)
    {
        (_topic, _group, _handler, _client, _settings, _queue, _logger) = (topic, group, handler, client, settings, queue, logger);
        _reading = Task.Run(ReadNewMessagesAsync);
        _reclaiming = Task.Run(ReclaimPendingMessagesLoopAsync);
    }

    private TimeSpan Block => _client.Settings.ReadTimeout ?? TimeSpan.Zero;

    /// <summary>
    /// Hands one message to the subscriber and acknowledges it when the answer is Done. Retry, an exception or
    /// running past processingTimeout leave it pending, to be claimed and delivered again.
    /// </summary>
    public async Task ProcessAsync(RedisStreamEntry entry)
    {
        // Unsubscribed since it was read: it stays pending for the group's next reclaim.
        if (_stopping.IsCancellationRequested || entry.Message is null) return;
        using var processing = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        if (_settings.RedeliversPendingMessages) processing.CancelAfter(_settings.ProcessingTimeout);
        DeliveryResult result;
        try
        {
            result = await _handler(entry.Message, processing.Token);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception error)
        {
            _logger.LogWarning("Error processing Redis message {Id} of {Topic}: {Error}", entry.Id, _topic, error.Message);
            return;
        }
        if (result != DeliveryResult.Done) return;
        try
        {
            // Not cancelled by unsubscribing: the message was processed, so the ack should still go out (daprd acks with context.Background()).
            await _client.ExecuteAsync(["XACK", _topic, _group, entry.Id], CancellationToken.None);
        }
        catch (Exception error) when (error is RedisConnectionException or RedisServerException)
        {
            _logger.LogWarning("Error acknowledging Redis message {Id} of {Topic}: {Error}; it will be delivered again", entry.Id, _topic, error.Message);
        }
    }

    private async Task ReadNewMessagesAsync()
    {
        var groupExists = false;
        var failing = false;
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!groupExists) await CreateGroupAsync(stopping);
                groupExists = true;
                var reply = await _client.ExecuteBlockingAsync(
                    ["XREADGROUP", "GROUP", _group, _group, "COUNT", _settings.QueueDepth, "BLOCK", (long)Block.TotalMilliseconds, "STREAMS", _topic, ">"],
                    Block, stopping);
                if (failing) _logger.LogInformation("Reading stream {Topic} again", _topic);
                failing = false;
                foreach (var entry in RedisStreamEntry.FromReadReply(reply)) await _queue.WriteAsync((this, entry), stopping);
            }
            catch (RedisServerException error) when (error.Code == "NOGROUP")
            {
                _logger.LogWarning("Consumer group {Group} does not exist for stream {Topic} (Redis lost its data, or the group or stream was deleted); recreating it", _group, _topic);
                groupExists = false;
            }
            catch (Exception error) when (error is RedisConnectionException or RedisServerException && !stopping.IsCancellationRequested)
            {
                if (!failing) _logger.LogWarning("Error reading from stream {Topic}: {Error}; retrying every {Delay}", _topic, error.Message, ReconnectDelay);
                failing = true;
                await DelayAsync(ReconnectDelay, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }
    }

    private async Task CreateGroupAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ExecuteAsync(["XGROUP", "CREATE", _topic, _group, "0", "MKSTREAM"], cancellationToken);
        }
        catch (RedisServerException error) when (error.Code == "BUSYGROUP")
        {
        }
    }

    private async Task ReclaimPendingMessagesLoopAsync()
    {
        if (!_settings.RedeliversPendingMessages) return;
        using var timer = new PeriodicTimer(_settings.RedeliverInterval);
        try
        {
            do await ReclaimPendingMessagesAsync(_stopping.Token);
            while (await timer.WaitForNextTickAsync(_stopping.Token));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ReclaimPendingMessagesAsync(CancellationToken cancellationToken)
    {
        var minIdle = (long)_settings.ProcessingTimeout.TotalMilliseconds;
        try
        {
            while (true)
            {
                // Extended form: [[id, consumer, idle ms, deliveries]...], oldest first.
                var pending = await _client.ExecuteAsync(["XPENDING", _topic, _group, "-", "+", _settings.QueueDepth], cancellationToken);
                var timedOut = pending.AsArray().Where(entry => entry.AsArray()[2].Integer >= minIdle).Select(entry => (object)entry.AsArray()[0].AsString()!).ToList();
                if (timedOut.Count == 0) return;
                var claimed = await _client.ExecuteAsync(["XCLAIM", _topic, _group, _group, minIdle, .. timedOut], cancellationToken);
                foreach (var entry in RedisStreamEntry.FromEntries(claimed))
                {
                    // Redis before 7 still lists entries deleted from the stream (e.g. by MAXLEN); ack them out of the pending list.
                    if (entry.Message is null) await _client.ExecuteAsync(["XACK", _topic, _group, entry.Id], cancellationToken);
                    else await _queue.WriteAsync((this, entry), cancellationToken);
                }
            }
        }
        catch (Exception error) when (error is RedisConnectionException or RedisServerException && !cancellationToken.IsCancellationRequested)
        {
            // The reader reports the outage (or recreates a lost group); the next interval tries again.
            _logger.LogDebug("Reclaiming pending messages of {Topic} failed: {Error}", _topic, error.Message);
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops reading and reclaiming; messages read but not yet handled stay pending for the group.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        await Task.WhenAll(_reading, _reclaiming);
        _stopping.Dispose();
    }
}
