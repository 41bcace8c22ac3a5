using System.Text;
using DaprShop.Sidecar.Components.State;

using static DaprShop.Sidecar.Tests.Components.State.StateRequests;

namespace DaprShop.Sidecar.Tests.Components.State;

public sealed class InMemoryStateStoreTests : IAsyncDisposable
{
    private static readonly Dictionary<string, string> NoMetadata = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStateStore _store;

    public InMemoryStateStoreTests() => _store = InMemoryStateStore.Create(TestContexts.Create("/"), _clock);

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public void Features_are_what_daprd_reports_for_in_memory()
    {
        Assert.Equal(["ETAG", "TRANSACTIONAL", "TTL", "DELETE_WITH_PREFIX"], _store.Features);
    }

    [Fact]
    public async Task Set_then_get_returns_the_bytes_and_a_uuid_etag()
    {
        await _store.SetAsync(Set("app||k", "{\"a\":1}"), default);

        var entry = await _store.GetAsync("app||k", default);

        Assert.NotNull(entry);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(entry.Value));
        Assert.True(Guid.TryParseExact(entry.ETag, "D", out _));
        Assert.Empty(entry.Metadata);
        Assert.Null(await _store.GetAsync("app||missing", default));
    }

    [Fact]
    public async Task Every_write_gets_a_new_etag()
    {
        await _store.SetAsync(Set("k", "1"), default);
        var first = (await _store.GetAsync("k", default))!.ETag;
        await _store.SetAsync(Set("k", "2"), default);

        Assert.NotEqual(first, (await _store.GetAsync("k", default))!.ETag);
    }

    [Fact]
    public async Task Etag_must_match_for_update_and_delete()
    {
        await _store.SetAsync(Set("k", "1"), default);
        var etag = (await _store.GetAsync("k", default))!.ETag;

        await Assert.ThrowsAsync<StateETagMismatchException>(() => _store.SetAsync(Set("k", "2", etag: "bogus"), default));
        await Assert.ThrowsAsync<StateETagMismatchException>(() => _store.DeleteAsync(Delete("k", etag: "bogus"), default));
        await Assert.ThrowsAsync<StateETagMismatchException>(() => _store.SetAsync(Set("absent", "2", etag: etag), default));

        await _store.SetAsync(Set("k", "2", etag: etag), default);
        var newEtag = (await _store.GetAsync("k", default))!.ETag;
        await Assert.ThrowsAsync<StateETagMismatchException>(() => _store.DeleteAsync(Delete("k", etag: etag), default));
        await _store.DeleteAsync(Delete("k", etag: newEtag), default);

        Assert.Null(await _store.GetAsync("k", default));
    }

    [Fact]
    public async Task First_write_without_etag_fails_when_the_key_exists()
    {
        await _store.SetAsync(Set("k", "1", concurrency: StateConcurrency.FirstWrite), default);

        var mismatch = await Assert.ThrowsAsync<StateETagMismatchException>(
            () => _store.SetAsync(Set("k", "2", concurrency: StateConcurrency.FirstWrite), default));
        Assert.Equal("possible etag mismatch. error from state store: item already exists and no etag was passed", mismatch.Message);
        // in_memory.go applies the same check to deletes.
        await Assert.ThrowsAsync<StateETagMismatchException>(
            () => _store.DeleteAsync(Delete("k", concurrency: StateConcurrency.FirstWrite), default));
        Assert.Equal("1", Encoding.UTF8.GetString((await _store.GetAsync("k", default))!.Value));
    }

    [Fact]
    public async Task Last_write_without_etag_overwrites_and_deleting_a_missing_key_succeeds()
    {
        await _store.SetAsync(Set("k", "1"), default);
        await _store.SetAsync(Set("k", "2"), default);
        await _store.DeleteAsync(Delete("never-there"), default);

        Assert.Equal("2", Encoding.UTF8.GetString((await _store.GetAsync("k", default))!.Value));
    }

    [Fact]
    public async Task Ttl_expires_the_key_and_get_reports_ttl_expire_time()
    {
        await _store.SetAsync(Set("k", "1", metadata: new() { ["ttlInSeconds"] = "60" }), default);

        var entry = await _store.GetAsync("k", default);
        Assert.Equal("2025-01-01T10:01:00Z", entry!.Metadata["ttlExpireTime"]);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull(await _store.GetAsync("k", default));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await _store.GetAsync("k", default));
        // An expired key is absent for first-write and etag checks too.
        await _store.SetAsync(Set("k", "2", concurrency: StateConcurrency.FirstWrite), default);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    public async Task Non_positive_ttl_means_never_expire(string ttl)
    {
        await _store.SetAsync(Set("k", "1", metadata: new() { ["ttlInSeconds"] = ttl }), default);
        _clock.Advance(TimeSpan.FromDays(365));

        var entry = await _store.GetAsync("k", default);
        Assert.NotNull(entry);
        Assert.Empty(entry.Metadata);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    public async Task Non_integer_ttl_is_rejected(string ttl)
    {
        await Assert.ThrowsAsync<StateStoreException>(
            () => _store.SetAsync(Set("k", "1", metadata: new() { ["ttlInSeconds"] = ttl }), default));
        Assert.Null(await _store.GetAsync("k", default));
    }

    [Fact]
    public async Task Transaction_with_a_failing_etag_changes_nothing()
    {
        await _store.SetAsync(Set("a", "1"), default);
        await _store.SetAsync(Set("b", "1"), default);

        await Assert.ThrowsAsync<StateETagMismatchException>(() => _store.ExecuteTransactionAsync(
        [
            StateOperation.Upsert(Set("a", "2")),
            StateOperation.Remove(Delete("b")),
            StateOperation.Upsert(Set("c", "2", etag: "wrong")),
        ], default));

        Assert.Equal("1", Encoding.UTF8.GetString((await _store.GetAsync("a", default))!.Value));
        Assert.NotNull(await _store.GetAsync("b", default));
        Assert.Null(await _store.GetAsync("c", default));
    }

    [Fact]
    public async Task Transaction_applies_all_operations()
    {
        await _store.SetAsync(Set("b", "1"), default);
        var etag = (await _store.GetAsync("b", default))!.ETag;

        await _store.ExecuteTransactionAsync(
        [
            StateOperation.Upsert(Set("a", "2", metadata: new() { ["ttlInSeconds"] = "5" })),
            StateOperation.Remove(Delete("b", etag: etag)),
        ], default);

        Assert.Equal("2", Encoding.UTF8.GetString((await _store.GetAsync("a", default))!.Value));
        Assert.Null(await _store.GetAsync("b", default));
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Null(await _store.GetAsync("a", default));
    }

    [Fact]
    public async Task Stored_value_is_isolated_from_the_callers_array()
    {
        var bytes = Encoding.UTF8.GetBytes("\"x\"");
        await _store.SetAsync(new StateSetRequest("k", bytes, null, StateConcurrency.LastWrite, NoMetadata), default);
        bytes[1] = (byte)'y';
        (await _store.GetAsync("k", default))!.Value[1] = (byte)'z';

        Assert.Equal("\"x\"", Encoding.UTF8.GetString((await _store.GetAsync("k", default))!.Value));
    }

    [Fact]
    public async Task Parallel_first_writes_have_exactly_one_winner()
    {
        Assert.Equal(1, await WinnersAsync(200, i => _store.SetAsync(Set("race", i.ToString(), concurrency: StateConcurrency.FirstWrite), default)));
    }

    [Fact]
    public async Task Parallel_etag_updates_have_exactly_one_winner_per_etag()
    {
        await _store.SetAsync(Set("counter", "0"), default);
        for (var round = 0; round < 5; round++)
        {
            var etag = (await _store.GetAsync("counter", default))!.ETag;
            Assert.Equal(1, await WinnersAsync(200, i => _store.SetAsync(Set("counter", i.ToString(), etag: etag), default)));
        }
    }
}
