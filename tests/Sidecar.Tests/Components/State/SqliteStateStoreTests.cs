using System.Text;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.State;
using Microsoft.Data.Sqlite;

using static DaprShop.Sidecar.Tests.Components.State.StateRequests;

namespace DaprShop.Sidecar.Tests.Components.State;

public sealed class SqliteStateStoreTests : IDisposable
{
    private static readonly Dictionary<string, string> NoMetadata = new();
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    private string DatabasePath => Path.Combine(_directory.Path, "data", "state.db");

    private SqliteStateStore Open(params (string, string)[] extraMetadata) => Open(_clock, extraMetadata);

    private SqliteStateStore Open(TimeProvider clock, params (string, string)[] extraMetadata) =>
        SqliteStateStore.Create(TestContexts.Create(_directory.Path, [("connectionString", "data/state.db"), .. extraMetadata]), clock);

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task Creates_daprs_schema_and_stores_json_as_text()
    {
        await using (var store = Open())
        {
            Assert.Equal(["ETAG", "TRANSACTIONAL", "TTL"], store.Features);
            await store.SetAsync(Set("app||order", "{\"total\":1}"), default);
        }

        using var raw = OpenRaw();
        var stateSql = (string)Scalar(raw, "SELECT sql FROM sqlite_master WHERE name = 'state'")!;
        Assert.Equal(
            "CREATE TABLE state ( key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, is_binary BOOLEAN NOT NULL, etag TEXT NOT NULL, expiration_time TIMESTAMP DEFAULT NULL, update_time TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP )",
            string.Join(' ', stateSql.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("1", Scalar(raw, "SELECT value FROM metadata WHERE key = 'migrations'"));
        Assert.Equal("wal", Scalar(raw, "PRAGMA journal_mode"));
        Assert.Equal("text|{\"total\":1}|0|2025-01-01 10:00:00",
            Scalar(raw, "SELECT typeof(value) || '|' || value || '|' || is_binary || '|' || update_time FROM state WHERE key = 'app||order'"));
    }

    [Fact]
    public async Task Reads_rows_written_by_daprd_including_binary_and_ttl()
    {
        await using (Open()) { }
        using (var raw = OpenRaw())
        {
            using var insert = raw.CreateCommand();
            insert.CommandText = """
                INSERT INTO state (key, value, is_binary, etag, expiration_time, update_time) VALUES
                  ('app||bin', 'AAEC/w==', 1, 'e1', '2025-01-01 10:05:00', '2025-01-01 09:00:00'),
                  ('app||gone', '"x"', 0, 'e2', '2025-01-01 09:59:59', '2025-01-01 09:00:00')
                """;
            insert.ExecuteNonQuery();
        }

        await using var store = Open();
        var entry = await store.GetAsync("app||bin", default);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, entry!.Value);
        Assert.Equal("e1", entry.ETag);
        Assert.Equal("2025-01-01T10:05:00Z", entry.Metadata["ttlExpireTime"]);
        Assert.Null(await store.GetAsync("app||gone", default));
    }

    [Fact]
    public async Task Non_utf8_values_are_stored_base64_with_is_binary()
    {
        await using (var store = Open())
        {
            await store.SetAsync(new StateSetRequest("k", [0xff, 0xfe, 0x00], null, StateConcurrency.LastWrite, NoMetadata), default);
            Assert.Equal(new byte[] { 0xff, 0xfe, 0x00 }, (await store.GetAsync("k", default))!.Value);
        }
        using var raw = OpenRaw();
        Assert.Equal("//4A|1", Scalar(raw, "SELECT value || '|' || is_binary FROM state WHERE key = 'k'"));
    }

    [Fact]
    public async Task Data_survives_dispose_and_reopen()
    {
        string etag;
        await using (var store = Open())
        {
            await store.SetAsync(Set("app||a", "\"hello\""), default);
            await store.ExecuteTransactionAsync([StateOperation.Upsert(Set("app||b", "2"))], default);
            etag = (await store.GetAsync("app||a", default))!.ETag!;
        }

        await using var reopened = Open();
        var entry = await reopened.GetAsync("app||a", default);
        Assert.Equal("\"hello\"", Encoding.UTF8.GetString(entry!.Value));
        Assert.Equal(etag, entry.ETag);
        Assert.NotNull(await reopened.GetAsync("app||b", default));
    }

    [Fact]
    public async Task Etags_change_per_write_and_must_match()
    {
        await using var store = Open();
        await store.SetAsync(Set("k", "1"), default);
        var etag = (await store.GetAsync("k", default))!.ETag;
        Assert.True(Guid.TryParseExact(etag, "D", out _));

        var mismatch = await Assert.ThrowsAsync<StateETagMismatchException>(() => store.SetAsync(Set("k", "2", etag: "bogus"), default));
        Assert.Equal("possible etag mismatch. error from state store", mismatch.Message);
        await Assert.ThrowsAsync<StateETagMismatchException>(() => store.SetAsync(Set("missing", "2", etag: etag), default));
        await Assert.ThrowsAsync<StateETagMismatchException>(() => store.DeleteAsync(Delete("k", etag: "bogus"), default));

        await store.SetAsync(Set("k", "2", etag: etag), default);
        var newEtag = (await store.GetAsync("k", default))!.ETag;
        Assert.NotEqual(etag, newEtag);
        await store.DeleteAsync(Delete("k", etag: newEtag), default);
        Assert.Null(await store.GetAsync("k", default));
        await store.DeleteAsync(Delete("never-there"), default);
    }

    [Fact]
    public async Task First_write_without_etag_fails_when_a_live_row_exists()
    {
        await using var store = Open();
        await store.SetAsync(Set("k", "1", concurrency: StateConcurrency.FirstWrite), default);

        await Assert.ThrowsAsync<StateETagMismatchException>(
            () => store.SetAsync(Set("k", "2", concurrency: StateConcurrency.FirstWrite), default));
        Assert.Equal("1", Encoding.UTF8.GetString((await store.GetAsync("k", default))!.Value));
    }

    [Fact]
    public async Task Ttl_hides_expired_rows_and_reports_expire_time()
    {
        await using var store = Open();
        _clock.Advance(TimeSpan.FromMilliseconds(700));
        await store.SetAsync(Set("k", "1", metadata: new() { ["ttlInSeconds"] = "60" }), default);
        await store.SetAsync(Set("forever", "1", metadata: new() { ["ttlInSeconds"] = "-1" }), default);

        // Whole seconds from CURRENT_TIMESTAMP, as DATETIME(CURRENT_TIMESTAMP, '+60 seconds') gives.
        Assert.Equal("2025-01-01T10:01:00Z", (await store.GetAsync("k", default))!.Metadata["ttlExpireTime"]);
        Assert.Empty((await store.GetAsync("forever", default))!.Metadata);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull(await store.GetAsync("k", default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await store.GetAsync("k", default));
        Assert.NotNull(await store.GetAsync("forever", default));

        // The expired row is not cleaned up yet, but first-write treats it as absent and an ETag cannot match it.
        await Assert.ThrowsAsync<StateETagMismatchException>(() => store.SetAsync(Set("k", "3", etag: "any"), default));
        await store.SetAsync(Set("k", "2", concurrency: StateConcurrency.FirstWrite), default);
        Assert.Equal("2", Encoding.UTF8.GetString((await store.GetAsync("k", default))!.Value));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-2")]
    [InlineData("4294967296")]
    public async Task Invalid_ttl_is_rejected(string ttl)
    {
        await using var store = Open();
        await Assert.ThrowsAsync<StateStoreException>(
            () => store.SetAsync(Set("k", "1", metadata: new() { ["ttlInSeconds"] = ttl }), default));
        Assert.Null(await store.GetAsync("k", default));
    }

    [Fact]
    public async Task Cleanup_deletes_expired_rows_and_records_last_cleanup()
    {
        await using var store = Open(("cleanupInterval", "200ms"));
        await store.SetAsync(Set("k", "1", metadata: new() { ["ttlInSeconds"] = "1" }), default);
        await store.SetAsync(Set("kept", "1"), default);
        _clock.Advance(TimeSpan.FromSeconds(5));

        using var raw = OpenRaw();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((long)Scalar(raw, "SELECT count(*) FROM state")! != 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "expired row was not cleaned up");
            await Task.Delay(50);
        }
        Assert.Equal("2025-01-01 10:00:05", Scalar(raw, "SELECT value FROM metadata WHERE key = 'last-cleanup'"));
    }

    [Fact]
    public async Task Transaction_rolls_back_entirely_on_etag_failure()
    {
        await using var store = Open();
        await store.SetAsync(Set("a", "1"), default);
        await store.SetAsync(Set("b", "1"), default);

        await Assert.ThrowsAsync<StateETagMismatchException>(() => store.ExecuteTransactionAsync(
        [
            StateOperation.Upsert(Set("a", "2")),
            StateOperation.Remove(Delete("b")),
            StateOperation.Upsert(Set("c", "3")),
            StateOperation.Upsert(Set("a", "4", etag: "wrong")),
        ], default));

        Assert.Equal("1", Encoding.UTF8.GetString((await store.GetAsync("a", default))!.Value));
        Assert.NotNull(await store.GetAsync("b", default));
        Assert.Null(await store.GetAsync("c", default));
    }

    [Fact]
    public async Task Failed_write_does_not_affect_writes_committed_with_it()
    {
        await using var store = Open();
        var writes = Enumerable.Range(0, 100)
            .Select(i => store.SetAsync(Set($"k{i}", i.ToString(), etag: i % 10 == 0 ? "wrong" : null), default))
            .ToArray();
        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try { await write; return true; }
            catch (StateETagMismatchException) { return false; }
        }));

        Assert.Equal(90, outcomes.Count(ok => ok));
        for (var i = 0; i < 100; i++)
            Assert.Equal(i % 10 != 0, await store.GetAsync($"k{i}", default) is not null);
    }

    [Fact]
    public async Task Parallel_first_writes_have_exactly_one_winner()
    {
        await using var store = Open();
        Assert.Equal(1, await WinnersAsync(200, i => store.SetAsync(Set("race", i.ToString(), concurrency: StateConcurrency.FirstWrite), default)));
    }

    /// <param name="sharedDatabase">
    /// True: two components of one process, which share the database (one writer). False: as two processes would
    /// (a store with its own clock gets its own connections), coordinated by SQLite's locks alone.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_stores_on_one_file_see_each_other_and_race_etags_safely(bool sharedDatabase)
    {
        await using var first = Open();
        await using var second = sharedDatabase ? Open() : Open(new ManualTimeProvider(_clock.GetUtcNow()));
        await first.SetAsync(Set("shared", "0"), default);

        for (var round = 0; round < 3; round++)
        {
            var etag = (await second.GetAsync("shared", default))!.ETag;
            Assert.Equal(1, await WinnersAsync(200, i => (i % 2 == 0 ? first : second).SetAsync(Set("shared", i.ToString(), etag: etag), default)));
        }

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? first : second).SetAsync(Set($"n{i}", i.ToString()), default)));
        for (var i = 0; i < 200; i++) Assert.NotNull(await first.GetAsync($"n{i}", default));
    }

    [Fact]
    public async Task A_store_closed_while_another_shares_its_database_leaves_that_one_working()
    {
        await using var survivor = Open();
        var closed = Open();
        await closed.SetAsync(Set("k", "1"), default);
        await closed.DisposeAsync();
        await closed.DisposeAsync();

        await survivor.SetAsync(Set("k", "2"), default);
        Assert.Equal("2", Encoding.UTF8.GetString((await survivor.GetAsync("k", default))!.Value));
        await using var reopened = Open();
        Assert.Equal("2", Encoding.UTF8.GetString((await reopened.GetAsync("k", default))!.Value));
    }

    [Fact]
    public async Task Custom_table_names_and_file_uri_are_honoured()
    {
        var uri = "file:" + Path.Combine(_directory.Path, "nested", "x.db") + "?_pragma=synchronous(NORMAL)";
        await using (var store = SqliteStateStore.Create(TestContexts.Create(_directory.Path,
                         ("connectionString", uri), ("tableName", "orders"), ("metadataTableName", "orders_meta")), _clock))
        {
            await store.SetAsync(Set("k", "1"), default);
        }

        using var raw = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "nested", "x.db")};Pooling=False");
        raw.Open();
        Assert.Equal(1L, Scalar(raw, "SELECT count(*) FROM orders"));
        Assert.Equal("1", Scalar(raw, "SELECT value FROM orders_meta WHERE key = 'migrations'"));
    }

    [Theory]
    [InlineData("connectionString", "")]
    [InlineData("tableName", "state; DROP TABLE x")]
    [InlineData("timeout", "500ms")]
    [InlineData("busyTimeout", "soon")]
    [InlineData("connectionString", ":memory:")]
    [InlineData("connectionString", "x.db?_pragma=journal_mode(DELETE)")]
    public void Bad_metadata_fails_init(string key, string value)
    {
        var metadata = new Dictionary<string, string> { ["connectionString"] = "x.db", [key] = value };
        Assert.Throws<ComponentInitException>(() => SqliteStateStore.Create(
            TestContexts.Create(_directory.Path, metadata.Select(pair => (pair.Key, pair.Value)).ToArray())));
    }
}
