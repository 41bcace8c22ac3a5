using System.Collections.Concurrent;

namespace DaprShop.Sidecar.Components.Redis;

/// <summary>
/// A minimal Redis client: a pool of connections that each run one command at a time, so concurrent callers
/// (publishers, acks, blocking stream readers) do not queue behind each other. When a connection breaks it is dropped
/// and the command is retried on a new one, like go-redis does by default (3 retries, backoff from 8 ms doubling up to
/// 512 ms), so a restarted server is picked up again without the caller seeing it. A command that timed out is not
/// retried: it may have run.
/// </summary>
public sealed class RedisClient(RedisSettings settings) : IAsyncDisposable
{
    private const int MaxRetries = 3;
    private const int MaxIdleConnections = 16;
    private static readonly TimeSpan MinRetryBackoff = TimeSpan.FromMilliseconds(8);
    private static readonly TimeSpan MaxRetryBackoff = TimeSpan.FromMilliseconds(512);

    private readonly ConcurrentQueue<RedisConnection> _idle = new();
    private volatile bool _disposed;

    public RedisSettings Settings => settings;

    /// <param name="arguments">The command and its arguments: strings, byte arrays and integers.</param>
    public Task<RedisReply> ExecuteAsync(IReadOnlyList<object> arguments, CancellationToken cancellationToken) =>
        ExecuteAsync(arguments, settings.ReadTimeout, cancellationToken);

    /// <summary>A command that blocks on the server for up to <paramref name="block"/>; its reply may take that long plus the read timeout (go-redis).</summary>
    public Task<RedisReply> ExecuteBlockingAsync(IReadOnlyList<object> arguments, TimeSpan block, CancellationToken cancellationToken) =>
        ExecuteAsync(arguments, settings.ReadTimeout is { } readTimeout ? block + readTimeout : null, cancellationToken);

    private async Task<RedisReply> ExecuteAsync(IReadOnlyList<object> arguments, TimeSpan? replyTimeout, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            RedisConnection? connection = null;
            try
            {
                connection = TakeIdle() ?? await RedisConnection.OpenAsync(settings, cancellationToken);
                return await connection.ExecuteAsync(arguments, replyTimeout, cancellationToken);
            }
            catch (RedisConnectionException error) when (!error.TimedOut && attempt < MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                // The server probably went away (a restart): the idle connections are as dead as this one.
                await CloseIdleAsync();
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
            finally
            {
                if (connection is not null) await ReleaseAsync(connection);
            }
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MinRetryBackoff.Ticks << attempt, MaxRetryBackoff.Ticks));

    private RedisConnection? TakeIdle()
    {
        while (_idle.TryDequeue(out var connection))
        {
            if (!connection.IsBroken) return connection;
        }
        return null;
    }

    private async ValueTask ReleaseAsync(RedisConnection connection)
    {
        if (connection.IsBroken || _disposed || _idle.Count >= MaxIdleConnections)
        {
            await connection.DisposeAsync();
            return;
        }
        _idle.Enqueue(connection);
        // DisposeAsync may have emptied the pool between the check above and the enqueue.
        if (_disposed) await CloseIdleAsync();
    }

    /// <summary>Closes the idle connections; connections in use close when their command ends.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return CloseIdleAsync();
    }

    private async ValueTask CloseIdleAsync()
    {
        while (_idle.TryDequeue(out var connection)) await connection.DisposeAsync();
    }
}
