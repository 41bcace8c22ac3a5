using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.State;

/// <summary>
/// <c>state.sqlite</c>: durable state in one SQLite file, compatible with components-contrib state/sqlite
/// (same tables, columns, ETags, TTL and cleanup), so daprd and this sidecar can share a database.
/// Reads use a small pool of read connections (WAL lets them run beside the writer); writes go through one
/// <see cref="SqliteStateWriter"/>. Several stores, sidecars or processes may open the same file: SQLite's locks,
/// busy_timeout and Microsoft.Data.Sqlite's SQLITE_BUSY retries coordinate them.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private readonly SqliteStateWriter _writer;
    private readonly IReadOnlyList<Reader> _readers;
    private readonly Channel<Reader> _idleReaders;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer? _cleanupTimer;

    private SqliteStateStore(SqliteStateWriter writer, IReadOnlyList<Reader> readers, TimeProvider timeProvider,
        TimeSpan cleanupInterval, ILogger logger)
    {
        _writer = writer;
        _readers = readers;
        _timeProvider = timeProvider;
        _idleReaders = Channel.CreateBounded<Reader>(readers.Count);
        foreach (var reader in readers) _idleReaders.Writer.TryWrite(reader);
        // cleanupInterval <= 0 disables the cleanup, as in Dapr; expired rows stay invisible either way.
        if (cleanupInterval > TimeSpan.Zero)
            _cleanupTimer = timeProvider.CreateTimer(_ => _ = CleanupAsync(cleanupInterval, logger), null, cleanupInterval, cleanupInterval);
    }

    public static SqliteStateStore Create(ComponentContext context) => Create(context, TimeProvider.System);

    internal static SqliteStateStore Create(ComponentContext context, TimeProvider timeProvider)
    {
        var options = SqliteStateStoreOptions.Parse(context);
        var logger = context.LoggerFactory.CreateLogger<SqliteStateStore>();
        var connections = new List<SqliteConnection>();
        try
        {
            if (!options.ReadOnly) Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
            var writeConnection = options.Open();
            connections.Add(writeConnection);
            if (!options.ReadOnly)
            {
                SqliteStateSchema.Execute(writeConnection, options.JournalModePragma);
                SqliteStateSchema.Migrate(writeConnection, options, logger);
            }
            var readers = new List<Reader>();
            for (var i = 0; i < Math.Clamp(Environment.ProcessorCount, 2, 8); i++)
            {
                var readConnection = options.Open();
                connections.Add(readConnection);
                readers.Add(new Reader(readConnection, options.TableName));
            }
            return new SqliteStateStore(new SqliteStateWriter(writeConnection, options, timeProvider), readers,
                timeProvider, options.CleanupInterval, logger);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            foreach (var connection in connections) connection.Dispose();
            throw new ComponentInitException(
                $"component {context.Name}: failed to open SQLite database {options.DatabasePath}: {exception.Message}", exception);
        }
    }

    /// <summary>What daprd's metadata API lists for state.sqlite; daprd adds ACTOR itself for ETAG + TRANSACTIONAL stores.</summary>
    public IReadOnlyList<string> Features { get; } = ["ETAG", "TRANSACTIONAL", "TTL"];

    public async Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_idleReaders.Reader.TryRead(out var reader)) reader = await _idleReaders.Reader.ReadAsync(cancellationToken);
        try
        {
            return reader.Get(key, _timeProvider.GetUtcNow());
        }
        catch (SqliteException exception)
        {
            throw new StateStoreException($"sqlite: {exception.Message}", exception);
        }
        finally
        {
            _idleReaders.Writer.TryWrite(reader);
        }
    }

    public Task SetAsync(StateSetRequest request, CancellationToken cancellationToken) =>
        _writer.WriteAsync([ToRowWrite(request)], cancellationToken);

    public Task DeleteAsync(StateDeleteRequest request, CancellationToken cancellationToken) =>
        _writer.WriteAsync([ToRowWrite(request)], cancellationToken);

    /// <summary>One SQLite transaction (savepoint); ETags are checked in order, each against the preceding operations.</summary>
    public Task ExecuteTransactionAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken) =>
        operations.Count == 0
            ? Task.CompletedTask
            : _writer.WriteAsync(operations.Select(operation =>
                operation.Set is { } set ? ToRowWrite(set) : ToRowWrite(operation.Delete!)).ToArray(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_cleanupTimer is not null) await _cleanupTimer.DisposeAsync();
        await _writer.DisposeAsync();
        foreach (var reader in _readers) reader.Dispose();
    }

    private async Task CleanupAsync(TimeSpan interval, ILogger logger)
    {
        try
        {
            if (await _writer.DeleteExpiredAsync(interval) is { } removed)
                logger.LogDebug("Removed {Count} expired rows", removed);
        }
        catch (Exception exception) when (exception is StateStoreException or ObjectDisposedException)
        {
            logger.LogError(exception, "Error removing expired data");
        }
    }

    /// <summary>
    /// Values that are UTF-8 text (the JSON the HTTP API saves) go into the TEXT column as they are, as daprd stores
    /// values saved over HTTP; other bytes are stored base64-encoded with is_binary set, as daprd stores raw bytes.
    /// </summary>
    private static SqliteRowWrite ToRowWrite(StateSetRequest request)
    {
        var isText = Utf8.IsValid(request.Value);
        var value = isText ? Encoding.UTF8.GetString(request.Value) : Convert.ToBase64String(request.Value);
        return new SqliteRowWrite(request.Key, value, !isText, ParseTtl(request.Metadata), request.ETag, request.Concurrency);
    }

    private static SqliteRowWrite ToRowWrite(StateDeleteRequest request) =>
        new(request.Key, null, false, 0, request.ETag, request.Concurrency);

    /// <summary>components-contrib state/utils ParseTTL: an integer from -1 (no expiry) to 2^31-1.</summary>
    private static int ParseTtl(IReadOnlyDictionary<string, string> metadata)
    {
        var text = StateMetadata.GetTtl(metadata);
        if (text is null) return 0;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            throw new StateStoreException($"error parsing TTL: incorrect value for metadata '{StateMetadata.TtlInSeconds}': \"{text}\" is not an integer");
        if (seconds < -1 || seconds > int.MaxValue)
            throw new StateStoreException($"error parsing TTL: incorrect value for metadata '{StateMetadata.TtlInSeconds}': must be -1 or greater");
        return (int)seconds;
    }

    /// <summary>A read connection with its prepared query (sqlite_dbaccess.go Get).</summary>
    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _get;

        public Reader(SqliteConnection connection, string table)
        {
            _connection = connection;
            _get = connection.CreateCommand();
            _get.CommandText = $"""
                SELECT value, is_binary, etag, expiration_time FROM {table}
                WHERE key = $key AND (expiration_time IS NULL OR expiration_time > $now)
                """;
            _get.Parameters.Add(new SqliteParameter { ParameterName = "$key" });
            _get.Parameters.Add(new SqliteParameter { ParameterName = "$now" });
        }

        public StateEntry? Get(string key, DateTimeOffset now)
        {
            _get.Parameters[0].Value = key;
            _get.Parameters[1].Value = SqliteStateSchema.FormatTimestamp(now);
            using var row = _get.ExecuteReader();
            if (!row.Read()) return null;
            var value = row.GetInt64(1) != 0
                ? Convert.FromBase64String(row.GetString(0))
                : row.GetFieldValue<byte[]>(0);
            var expiresAt = row.IsDBNull(3) ? (DateTimeOffset?)null : SqliteStateSchema.ParseTimestamp(row.GetString(3));
            return new StateEntry(value, row.GetString(2), StateMetadata.ForExpiration(expiresAt));
        }

        public void Dispose()
        {
            _get.Dispose();
            _connection.Dispose();
        }
    }
}
