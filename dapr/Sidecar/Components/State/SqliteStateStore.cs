using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.State;

/// <summary>
/// <c>state.sqlite</c>: durable state in one SQLite file, compatible with components-contrib state/sqlite
/// (same tables, columns, ETags, TTL and cleanup), so daprd and this sidecar can share a database. The connections
/// belong to a <see cref="SqliteDatabase"/>, shared by every store of this process on the same file and table.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private readonly SqliteDatabase _database;
    private int _disposed;

    private SqliteStateStore(SqliteDatabase database) => _database = database;

    public static SqliteStateStore Create(ComponentContext context) => Create(context, TimeProvider.System);

    internal static SqliteStateStore Create(ComponentContext context, TimeProvider timeProvider)
    {
        var options = SqliteStateStoreOptions.Parse(context);
        try
        {
            return new SqliteStateStore(SqliteDatabase.Acquire(options, timeProvider, context.LoggerFactory.CreateLogger<SqliteStateStore>()));
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new ComponentInitException(
                $"component {context.Name}: failed to open SQLite database {options.DatabasePath}: {exception.Message}", exception);
        }
    }

    /// <summary>What daprd's metadata API lists for state.sqlite; daprd adds ACTOR itself for ETAG + TRANSACTIONAL stores.</summary>
    public IReadOnlyList<string> Features { get; } = ["ETAG", "TRANSACTIONAL", "TTL"];

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) => _database.GetAsync(key, cancellationToken);

    public Task SetAsync(StateSetRequest request, CancellationToken cancellationToken) =>
        _database.Writer.WriteAsync([ToRowWrite(request)], cancellationToken);

    public Task DeleteAsync(StateDeleteRequest request, CancellationToken cancellationToken) =>
        _database.Writer.WriteAsync([ToRowWrite(request)], cancellationToken);

    /// <summary>One SQLite transaction (savepoint); ETags are checked in order, each against the preceding operations.</summary>
    public Task ExecuteTransactionAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken) =>
        operations.Count == 0
            ? Task.CompletedTask
            : _database.Writer.WriteAsync(operations.Select(operation =>
                operation.Set is { } set ? ToRowWrite(set) : ToRowWrite(operation.Delete!)).ToArray(), cancellationToken);

    /// <summary>Lets go of the shared database once, however often it is called.</summary>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? _database.DisposeAsync() : ValueTask.CompletedTask;

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
}
