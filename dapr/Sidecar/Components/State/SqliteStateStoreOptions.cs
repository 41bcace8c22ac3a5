using System.Web;
using Microsoft.Data.Sqlite;

namespace DaprShop.Sidecar.Components.State;

/// <summary>
/// Metadata of <c>state.sqlite</c>, with the names, aliases, defaults and checks of components-contrib
/// state/sqlite/sqlite_metadata.go and common/authentication/sqlite/metadata.go.
/// </summary>
internal sealed record SqliteStateStoreOptions(
    string DatabasePath,
    bool ReadOnly,
    string TableName,
    string MetadataTableName,
    TimeSpan Timeout,
    TimeSpan BusyTimeout,
    bool DisableWal,
    TimeSpan CleanupInterval,
    IReadOnlyList<string> Pragmas)
{
    public static SqliteStateStoreOptions Parse(ComponentContext context)
    {
        var connectionString = context.GetWithAliases("connectionString", "url")
            ?? throw new ComponentInitException($"component {context.Name}: missing connection string");
        var (path, query) = SplitConnectionString(connectionString);
        if (IsInMemory(connectionString) || query["mode"] == "memory")
            throw new ComponentInitException(
                $"component {context.Name}: in-memory SQLite databases are not supported by this sidecar; use state.in-memory");

        var timeout = context.GetDuration(TimeSpan.FromSeconds(20), "timeout", "timeoutInSeconds");
        if (timeout < TimeSpan.FromSeconds(1))
            throw new ComponentInitException($"component {context.Name}: invalid value for 'timeout': must be greater than 1s");
        var busyTimeout = context.GetDuration(TimeSpan.FromSeconds(2), "busyTimeout");

        return new SqliteStateStoreOptions(
            DatabasePath: context.ResolvePath(path),
            ReadOnly: query["mode"] == "ro" || query["immutable"] == "1",
            TableName: Identifier(context, "tableName", "state"),
            MetadataTableName: Identifier(context, "metadataTableName", "metadata"),
            Timeout: timeout,
            BusyTimeout: TimeSpan.FromMilliseconds(Math.Floor(busyTimeout.TotalMilliseconds)),
            DisableWal: context.GetTruthy("disableWAL"),
            CleanupInterval: context.GetDuration(TimeSpan.Zero, "cleanupInterval", "cleanupIntervalInSeconds"),
            Pragmas: ParsePragmas(context, query.GetValues("_pragma") ?? []));
    }

    /// <summary>Opens a connection with the busy timeout and the connection string's own pragmas applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // The store keeps its connections for its whole life; a pool would only add a lookup per call.
            Pooling = false,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY/SQLITE_LOCKED until this many seconds have passed.
            DefaultTimeout = (int)Math.Ceiling(Timeout.TotalSeconds),
        }.ToString());
        try
        {
            connection.Open();
            // busy_timeout makes SQLite itself wait for a lock held by another connection or process.
            var statements = BusyTimeout > TimeSpan.Zero
                ? Pragmas.Prepend($"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}")
                : Pragmas;
            foreach (var statement in statements) SqliteStateSchema.Execute(connection, statement);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>WAL lets readers work while one connection writes; Dapr turns it off only on request or for read-only files.</summary>
    public string JournalModePragma => DisableWal || ReadOnly ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL";

    /// <summary>A path or a <c>file:</c> URI, optionally followed by <c>?query</c> options (SQLite URI filenames).</summary>
    private static (string Path, System.Collections.Specialized.NameValueCollection Query) SplitConnectionString(string connectionString)
    {
        var queryStart = connectionString.IndexOf('?');
        var path = queryStart > 0 ? connectionString[..queryStart] : connectionString;
        var query = HttpUtility.ParseQueryString(queryStart > 0 ? connectionString[(queryStart + 1)..] : "");
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            path = path["file:".Length..];
            // file:///abs/path and file://localhost/abs/path name an absolute path.
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                var slash = path.IndexOf('/', 2);
                path = slash < 0 ? "" : path[slash..];
            }
        }
        return (Uri.UnescapeDataString(path), query);
    }

    private static bool IsInMemory(string connectionString) =>
        connectionString.StartsWith(":memory:", StringComparison.OrdinalIgnoreCase)
        || connectionString.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The driver Dapr uses takes pragmas as <c>_pragma=name(value)</c>. Dapr refuses those it sets itself
    /// (busy_timeout, journal_mode) and foreign_keys.
    /// </summary>
    private static List<string> ParsePragmas(ComponentContext context, IEnumerable<string> pragmas)
    {
        var statements = new List<string>();
        foreach (var pragma in pragmas)
        {
            var lower = pragma.ToLowerInvariant();
            if (lower.StartsWith("busy_timeout") || lower.StartsWith("journal_mode") || lower.StartsWith("foreign_keys"))
                throw new ComponentInitException(
                    $"component {context.Name}: found forbidden option '_pragma={pragma}' in the connection string; use the busyTimeout and disableWAL metadata properties instead");
            var open = pragma.IndexOf('(');
            statements.Add(open > 0 && pragma.EndsWith(')')
                ? $"PRAGMA {pragma[..open]} = {pragma[(open + 1)..^1]}"
                : $"PRAGMA {pragma}");
        }
        return statements;
    }

    /// <summary>Table names go into SQL text, so like Dapr's ValidIdentifier only ASCII letters, digits and '_' pass.</summary>
    private static string Identifier(ComponentContext context, string key, string defaultValue)
    {
        var value = context.Get(key) is { Length: > 0 } configured ? configured : defaultValue;
        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ComponentInitException($"component {context.Name}: invalid identifier: {value}");
        return value;
    }
}
