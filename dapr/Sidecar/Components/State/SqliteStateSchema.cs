using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.State;

/// <summary>
/// The tables of <c>state.sqlite</c>, byte for byte those of components-contrib (state/sqlite/sqlite_migrations.go,
/// common/component/sql/migrations/sqlite), so that daprd and this sidecar can open each other's databases.
/// </summary>
internal static class SqliteStateSchema
{
    /// <summary>Number of migrations Dapr 1.14–1.16 define for state.sqlite (migration 0 creates the state table).</summary>
    private const int MigrationLevel = 1;

    /// <summary>
    /// Runs Dapr's migrations under an exclusive lock, so several sidecars (or daprd processes) starting on one file
    /// create the tables once. The level is kept in the metadata table under the key "migrations".
    /// </summary>
    public static void Migrate(SqliteConnection connection, SqliteStateStoreOptions options, ILogger logger)
    {
        Execute(connection, "BEGIN EXCLUSIVE TRANSACTION");
        try
        {
            Execute(connection, $"""
                CREATE TABLE IF NOT EXISTS {options.MetadataTableName} (
                    key text NOT NULL PRIMARY KEY,
                    value text NOT NULL
                )
                """);
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT value FROM {options.MetadataTableName} WHERE key = 'migrations'";
            var level = select.ExecuteScalar() is string text
                ? int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
                    ? parsed
                    : throw new InvalidOperationException($"invalid migration level found in metadata table: {text}")
                : 0;
            if (level < MigrationLevel)
            {
                logger.LogInformation("Creating SQLite state table '{Table}'", options.TableName);
                // IF NOT EXISTS: databases from Dapr versions before the metadata table already have the state table.
                Execute(connection, $"""
                    CREATE TABLE IF NOT EXISTS {options.TableName} (
                        key TEXT NOT NULL PRIMARY KEY,
                        value TEXT NOT NULL,
                        is_binary BOOLEAN NOT NULL,
                        etag TEXT NOT NULL,
                        expiration_time TIMESTAMP DEFAULT NULL,
                        update_time TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
                    )
                    """);
                Execute(connection,
                    $"REPLACE INTO {options.MetadataTableName} (key, value) VALUES ('migrations', '{MigrationLevel}')");
            }
            Execute(connection, "COMMIT TRANSACTION");
        }
        catch
        {
            Execute(connection, "ROLLBACK TRANSACTION");
            throw;
        }
    }

    /// <summary>SQLite's CURRENT_TIMESTAMP text, which Dapr writes to expiration_time, update_time and last-cleanup.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
