using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.State;

/// <summary>
/// One open SQLite state database in this process: the single <see cref="SqliteStateWriter"/>, a small pool of read
/// connections (WAL lets them run beside the writer) and the expiry cleanup. Every <see cref="SqliteStateStore"/> in
/// the process that opens the same file and table with the same settings shares it: the multi-app runner hosts all
/// the apps' sidecars in one process, and with a writer each they would queue on SQLite's file lock, whose busy
/// handler sleeps between tries (milliseconds to tens of milliseconds), instead of joining one group commit.
/// Stores in other processes (daprd, another run) still coordinate through SQLite's locks and busy_timeout.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private static readonly Dictionary<string, SqliteDatabase> OpenDatabases = new(StringComparer.Ordinal);

    private readonly string _key;
    private readonly IReadOnlyList<Reader> _readers;
    private readonly Channel<Reader> _idleReaders;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer? _cleanupTimer;
    private int _users = 1;

    private SqliteDatabase(string key, SqliteStateWriter writer, IReadOnlyList<Reader> readers, TimeProvider timeProvider, TimeSpan cleanupInterval, ILogger logger)
    {
        _key = key;
        Writer = writer;
        _readers = readers;
        _timeProvider = timeProvider;
        _idleReaders = Channel.CreateBounded<Reader>(readers.Count);
        foreach (var reader in readers) _idleReaders.Writer.TryWrite(reader);
        // cleanupInterval <= 0 disables the cleanup, as in Dapr; expired rows stay invisible either way.
        if (cleanupInterval > TimeSpan.Zero)
            _cleanupTimer = timeProvider.CreateTimer(_ => _ = CleanupAsync(cleanupInterval, logger), null, cleanupInterval, cleanupInterval);
    }

    public SqliteStateWriter Writer { get; }

    /// <summary>The shared database for these settings, opened (schema created or migrated) by its first user.</summary>
    /// <exception cref="SqliteException">And the other errors of opening a file; nothing stays open then.</exception>
    public static SqliteDatabase Acquire(SqliteStateStoreOptions options, TimeProvider timeProvider, ILogger logger)
    {
        // A test's own clock gets a database of its own, so expiry follows that clock.
        var key = string.Join('\n', Path.GetFullPath(options.DatabasePath), options.TableName, options.MetadataTableName, options.ReadOnly,
            options.Timeout, options.BusyTimeout, options.DisableWal, options.CleanupInterval, string.Join('\n', options.Pragmas),
            RuntimeHelpers.GetHashCode(timeProvider));
        lock (OpenDatabases)
        {
            if (OpenDatabases.TryGetValue(key, out var open))
            {
                open._users++;
                return open;
            }

            var database = Open(key, options, timeProvider, logger);
            OpenDatabases.Add(key, database);
            return database;
        }
    }

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

    /// <summary>Closes the database when its last user lets go.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (OpenDatabases)
        {
            if (--_users > 0) return;
            OpenDatabases.Remove(_key);
        }

        if (_cleanupTimer is not null) await _cleanupTimer.DisposeAsync();
        await Writer.DisposeAsync();
        foreach (var reader in _readers) reader.Dispose();
    }

    private static SqliteDatabase Open(string key, SqliteStateStoreOptions options, TimeProvider timeProvider, ILogger logger)
    {
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
            return new SqliteDatabase(key, new SqliteStateWriter(writeConnection, options, timeProvider), readers, timeProvider, options.CleanupInterval, logger);
        }
        catch
        {
            foreach (var connection in connections) connection.Dispose();
            throw;
        }
    }

    private async Task CleanupAsync(TimeSpan interval, ILogger logger)
    {
        try
        {
            if (await Writer.DeleteExpiredAsync(interval) is { } removed)
                logger.LogDebug("Removed {Count} expired rows", removed);
        }
        catch (Exception exception) when (exception is StateStoreException or ObjectDisposedException)
        {
            logger.LogError(exception, "Error removing expired data");
        }
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
