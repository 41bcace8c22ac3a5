using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace DaprShop.Sidecar.Components.State;

/// <summary>One row change of state.sqlite, validated and encoded before it reaches the writer.</summary>
/// <param name="Value">The text stored in the value column; null for a delete.</param>
internal sealed record SqliteRowWrite(string Key, string? Value, bool IsBinary, int TtlSeconds, string? ETag, StateConcurrency Concurrency);

/// <summary>
/// The single write connection of a <see cref="SqliteStateStore"/>. SQLite admits one writer at a time, so instead of
/// letting callers queue on the file lock, writes queue here and the writer commits whatever has queued up in
/// one transaction (group commit): one fsync serves many callers. Each queued unit runs inside its own savepoint,
/// so a failed unit (an ETag mismatch) is rolled back alone and the others still commit.
/// </summary>
internal sealed class SqliteStateWriter : IAsyncDisposable
{
    private const int MaxUnitsPerCommit = 256;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    private readonly SqliteCommand _begin, _commit, _rollback, _savepoint, _releaseSavepoint, _rollbackToSavepoint;
    private readonly SqliteCommand _upsert, _insertIfAbsent, _updateIfETag, _delete, _deleteIfETag;
    private readonly SqliteCommand _markCleanup, _deleteExpired;

    public SqliteStateWriter(SqliteConnection connection, SqliteStateStoreOptions options, TimeProvider timeProvider)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        var table = options.TableName;
        // Immediate: take the write lock at BEGIN, so a busy database is waited for (busy_timeout) up front
        // instead of failing a statement halfway (Dapr sets _txlock=immediate for the same reason).
        _begin = Command("BEGIN IMMEDIATE");
        _commit = Command("COMMIT");
        _rollback = Command("ROLLBACK");
        _savepoint = Command("SAVEPOINT unit");
        _releaseSavepoint = Command("RELEASE unit");
        _rollbackToSavepoint = Command("ROLLBACK TO unit");

        // The statements of components-contrib state/sqlite/sqlite_dbaccess.go doSet/doDelete, with the clock passed
        // as $now (same text format as CURRENT_TIMESTAMP) so that expiry follows the injected TimeProvider.
        const string live = "(expiration_time IS NULL OR expiration_time > $now)";
        _upsert = Command($"""
            INSERT OR REPLACE INTO {table} (key, value, is_binary, etag, update_time, expiration_time)
            VALUES ($key, $value, $is_binary, $etag, $now, $expiration)
            """, "$key", "$value", "$is_binary", "$etag", "$now", "$expiration");
        // First-write without an ETag: insert unless a live row exists; an expired row not yet cleaned up is replaced.
        _insertIfAbsent = Command($"""
            INSERT OR REPLACE INTO {table} (key, value, is_binary, etag, update_time, expiration_time)
            SELECT $key, $value, $is_binary, $etag, $now, $expiration
            WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE key = $key AND {live})
            """, "$key", "$value", "$is_binary", "$etag", "$now", "$expiration");
        _updateIfETag = Command($"""
            UPDATE {table} SET value = $value, etag = $etag, is_binary = $is_binary, update_time = $now, expiration_time = $expiration
            WHERE key = $key AND etag = $expected_etag AND {live}
            """, "$key", "$value", "$is_binary", "$etag", "$now", "$expiration", "$expected_etag");
        _delete = Command($"DELETE FROM {table} WHERE key = $key", "$key");
        _deleteIfETag = Command($"DELETE FROM {table} WHERE key = $key AND etag = $expected_etag", "$key", "$expected_etag");

        // common/component/sql/cleanup.go with sqlite_dbaccess.go's queries: the last-cleanup row in the metadata
        // table lets several sidecars or daprd processes sharing the file run the cleanup once per interval.
        _markCleanup = Command($"""
            INSERT INTO {options.MetadataTableName} (key, value) VALUES ('last-cleanup', $now)
            ON CONFLICT (key) DO UPDATE SET value = $now
            WHERE (unixepoch($now) - unixepoch(value)) * 1000 > $interval_ms
            """, "$now", "$interval_ms");
        _deleteExpired = Command(
            $"DELETE FROM {table} WHERE expiration_time IS NOT NULL AND expiration_time < $now", "$now");

        _loop = Task.Run(RunAsync);
    }

    /// <summary>Applies the writes in order, all or none; completes once they are committed.</summary>
    /// <exception cref="StateETagMismatchException">An ETag did not match, or first-write found an existing key.</exception>
    public Task WriteAsync(IReadOnlyList<SqliteRowWrite> writes, CancellationToken cancellationToken) =>
        Enqueue(now =>
        {
            foreach (var write in writes) Apply(write, now);
        }, cancellationToken);

    /// <summary>Deletes expired rows unless another process did so less than <paramref name="interval"/> ago.</summary>
    /// <returns>The number of rows removed, or null when the cleanup was skipped.</returns>
    public async Task<int?> DeleteExpiredAsync(TimeSpan interval)
    {
        int? removed = null;
        await Enqueue(now =>
        {
            // cleanup.go subtracts 100ms so that a timer firing a little early still runs.
            if (Run(_markCleanup, ("$now", SqliteStateSchema.FormatTimestamp(now)),
                    ("$interval_ms", (long)interval.TotalMilliseconds - 100)) > 0)
                removed = Run(_deleteExpired, ("$now", SqliteStateSchema.FormatTimestamp(now)));
        }, CancellationToken.None);
        return removed;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        foreach (var command in new[]
                 {
                     _begin, _commit, _rollback, _savepoint, _releaseSavepoint, _rollbackToSavepoint,
                     _upsert, _insertIfAbsent, _updateIfETag, _delete, _deleteIfETag, _markCleanup, _deleteExpired,
                 })
            command.Dispose();
        await _connection.DisposeAsync();
    }

    private Task Enqueue(Action<DateTimeOffset> apply, CancellationToken cancellationToken)
    {
        var unit = new Unit(apply, cancellationToken);
        if (!_queue.Writer.TryWrite(unit)) throw new ObjectDisposedException(nameof(SqliteStateWriter));
        return unit.Completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Unit>(MaxUnitsPerCommit);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxUnitsPerCommit && _queue.Reader.TryRead(out var unit)) batch.Add(unit);
            CommitBatch(batch);
            batch.Clear();
        }
    }

    private void CommitBatch(List<Unit> batch)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            _begin.ExecuteNonQuery();
            var now = _timeProvider.GetUtcNow();
            for (var i = 0; i < batch.Count; i++) failures[i] = ApplyInSavepoint(batch[i], now);
            _commit.ExecuteNonQuery();
        }
        catch (SqliteException exception)
        {
            // BEGIN or COMMIT failed (e.g. the file stayed locked past the timeout): nothing of the batch is kept.
            if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0) _rollback.ExecuteNonQuery();
            var failure = new StateStoreException($"sqlite: {exception.Message}", exception);
            foreach (var unit in batch) unit.Completion.TrySetException(failure);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            switch (failures[i])
            {
                case null: batch[i].Completion.TrySetResult(); break;
                case OperationCanceledException: batch[i].Completion.TrySetCanceled(batch[i].CancellationToken); break;
                case var failure: batch[i].Completion.TrySetException(failure); break;
            }
        }
    }

    private Exception? ApplyInSavepoint(Unit unit, DateTimeOffset now)
    {
        if (unit.CancellationToken.IsCancellationRequested) return new OperationCanceledException(unit.CancellationToken);
        _savepoint.ExecuteNonQuery();
        try
        {
            unit.Apply(now);
            _releaseSavepoint.ExecuteNonQuery();
            return null;
        }
        catch (Exception exception) when (exception is StateStoreException or SqliteException)
        {
            _rollbackToSavepoint.ExecuteNonQuery();
            _releaseSavepoint.ExecuteNonQuery();
            return exception as StateStoreException ?? new StateStoreException($"sqlite: {exception.Message}", exception);
        }
    }

    /// <summary>sqlite_dbaccess.go doSet / doDelete: zero affected rows with an ETag (or for first-write) is a mismatch.</summary>
    private void Apply(SqliteRowWrite write, DateTimeOffset now)
    {
        var nowText = SqliteStateSchema.FormatTimestamp(now);
        var hasETag = !string.IsNullOrEmpty(write.ETag);
        int changed;
        if (write.Value is null)
        {
            changed = hasETag
                ? Run(_deleteIfETag, ("$key", write.Key), ("$expected_etag", write.ETag))
                : Run(_delete, ("$key", write.Key));
            if (changed == 0 && hasETag) throw ETagMismatch.Error();
            return;
        }

        // Expiry is whole seconds from CURRENT_TIMESTAMP, as DATETIME(CURRENT_TIMESTAMP, '+N seconds') computes it.
        object expiration = write.TtlSeconds > 0
            ? SqliteStateSchema.FormatTimestamp(now.AddSeconds(write.TtlSeconds))
            : DBNull.Value;
        // A random UUID per write, as sqlite_dbaccess.go makes its ETags.
        var etag = Guid.NewGuid().ToString();
        (string, object?)[] row =
        [
            ("$key", write.Key), ("$value", write.Value), ("$is_binary", write.IsBinary), ("$etag", etag),
            ("$now", nowText), ("$expiration", expiration),
        ];
        if (hasETag)
        {
            changed = Run(_updateIfETag, [.. row, ("$expected_etag", write.ETag)]);
            if (changed == 0) throw ETagMismatch.Error();
        }
        else if (write.Concurrency == StateConcurrency.FirstWrite)
        {
            changed = Run(_insertIfAbsent, row);
            if (changed == 0) throw ETagMismatch.Error();
        }
        else
        {
            Run(_upsert, row);
        }
    }

    private static int Run(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters) command.Parameters[name].Value = value ?? DBNull.Value;
        return command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private sealed class Unit(Action<DateTimeOffset> apply, CancellationToken cancellationToken)
    {
        public Action<DateTimeOffset> Apply { get; } = apply;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
