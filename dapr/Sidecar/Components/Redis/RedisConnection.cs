using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace DaprShop.Sidecar.Components.Redis;

/// <summary>
/// One TCP connection to Redis, authenticated (AUTH password, or AUTH username password for an ACL user) and on its
/// database (SELECT), running one command at a time. Any failure while a command is under way (I/O error,
/// timeout, cancellation) leaves the reply stream in an unknown place, so the connection is closed and reports
/// itself broken; its owner opens a new one.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly NetworkStream _stream;
    private readonly RespReader _reader;
    private readonly RedisSettings _settings;

    private RedisConnection(Socket socket, RedisSettings settings)
    {
        _settings = settings;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new RespReader(_stream);
    }

    public bool IsBroken { get; private set; }

    public static async Task<RedisConnection> OpenAsync(RedisSettings settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var dial = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            dial.CancelAfter(settings.DialTimeout);
            await socket.ConnectAsync(settings.Host, settings.Port, dial.Token);
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new RedisConnectionException(
                error is OperationCanceledException ? $"dial tcp {settings.Address}: timed out after {settings.DialTimeout}" : $"dial tcp {settings.Address}: {error.Message}",
                error);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new RedisConnection(socket, settings);
        try
        {
            if (settings.Password is not null)
            {
                object[] auth = settings.Username is null ? ["AUTH", settings.Password] : ["AUTH", settings.Username, settings.Password];
                await connection.ExecuteAsync(auth, settings.ReadTimeout, cancellationToken);
            }
            if (settings.Database != 0) await connection.ExecuteAsync(["SELECT", settings.Database], settings.ReadTimeout, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends one command and reads its reply. An error reply throws <see cref="RedisServerException"/> and keeps the
    /// connection; anything else that fails throws <see cref="RedisConnectionException"/> (or the caller's
    /// cancellation) and breaks it.
    /// </summary>
    /// <param name="arguments">Strings, byte arrays and integers.</param>
    /// <param name="replyTimeout">How long to wait for the reply once the command is written; null waits as long as the caller does.</param>
    public async Task<RedisReply> ExecuteAsync(IReadOnlyList<object> arguments, TimeSpan? replyTimeout, CancellationToken cancellationToken)
    {
        if (IsBroken) throw new RedisConnectionException($"connection to {_settings.Address} is closed");
        using var command = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        RedisReply reply;
        try
        {
            command.CancelAfter(_settings.WriteTimeout ?? Timeout.InfiniteTimeSpan);
            await _stream.WriteAsync(Encode(arguments), command.Token);
            command.CancelAfter(replyTimeout ?? Timeout.InfiniteTimeSpan);
            reply = await _reader.ReadAsync(command.Token);
        }
        catch (Exception error) when (error is IOException or SocketException or RedisProtocolException or OperationCanceledException)
        {
            IsBroken = true;
            await _stream.DisposeAsync();
            if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
            var name = arguments[0];
            throw error is OperationCanceledException
                ? new RedisConnectionException($"redis {name}: {_settings.Address} timed out", error, timedOut: true)
                : new RedisConnectionException($"redis {name} on {_settings.Address}: {error.Message}", error);
        }
        return reply.Kind == RedisReplyKind.Error ? throw new RedisServerException(reply.Text!) : reply;
    }

    /// <summary>A command as a RESP array of bulk strings.</summary>
    private static ReadOnlyMemory<byte> Encode(IReadOnlyList<object> arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, $"*{arguments.Count}\r\n");
        foreach (var argument in arguments)
        {
            var bytes = argument switch
            {
                byte[] raw => raw,
                string text => Encoding.UTF8.GetBytes(text),
                int or long => Encoding.ASCII.GetBytes(Convert.ToString(argument, CultureInfo.InvariantCulture)!),
                _ => throw new ArgumentException($"unsupported Redis argument type {argument.GetType().Name}", nameof(arguments)),
            };
            Write(buffer, $"${bytes.Length}\r\n");
            buffer.Write(bytes);
            Write(buffer, "\r\n");
        }
        return buffer.WrittenMemory;
    }

    private static void Write(ArrayBufferWriter<byte> buffer, string ascii) => buffer.Write(Encoding.ASCII.GetBytes(ascii));

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await _stream.DisposeAsync();
    }
}
