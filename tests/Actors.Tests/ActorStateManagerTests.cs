using System.Text;
using System.Text.Json;

namespace DaprShop.Actors.Tests;

/// <summary>The state manager's own caching and change tracking; the store behind it is an in-memory fake.</summary>
public sealed class ActorStateManagerTests
{
    private readonly InMemoryStateProvider _store = new();
    private readonly ActorStateManager _state;

    public ActorStateManagerTests() => _state = new ActorStateManager("counter", "a", _store, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public async Task Reads_through_once_and_then_serves_from_the_cache()
    {
        _store.Values["count"] = "3";

        Assert.Equal(3, await _state.GetStateAsync<int>("count"));
        Assert.Equal(3, await _state.GetStateAsync<int>("count"));
        Assert.True(await _state.ContainsStateAsync("count"));
        Assert.Equal(1, _store.Loads);
    }

    [Fact]
    public async Task A_key_found_missing_is_not_read_again_to_set_it_and_is_saved_as_an_add()
    {
        Assert.False((await _state.TryGetStateAsync<int>("marker")).HasValue);
        Assert.False(await _state.ContainsStateAsync("marker"));
        await _state.SetStateAsync("marker", 1);
        await _state.SaveStateAsync();

        Assert.Equal(1, _store.Loads);
        var change = Assert.Single(Assert.Single(_store.Saves));
        Assert.Equal(("marker", StateChangeKind.Add), (change.StateName, change.ChangeKind));
        Assert.Equal(1, await _state.GetStateAsync<int>("marker"));
    }

    [Fact]
    public async Task A_removed_key_is_known_missing_after_the_save()
    {
        _store.Values["old"] = "\"x\"";
        await _state.RemoveStateAsync("old");
        await _state.SaveStateAsync();

        Assert.False((await _state.TryGetStateAsync<string>("old")).HasValue);
        Assert.True(await _state.TryAddStateAsync("old", "y"));
        Assert.Equal(1, _store.Loads);
    }

    [Fact]
    public async Task Clearing_the_cache_forgets_missing_keys_too()
    {
        await _state.TryGetStateAsync<int>("count");
        _store.Values["count"] = "5";

        await _state.ClearCacheAsync();

        Assert.Equal(5, await _state.GetStateAsync<int>("count"));
    }

    [Fact]
    public async Task Saves_nothing_when_nothing_changed()
    {
        _store.Values["count"] = "3";
        await _state.GetStateAsync<int>("count");

        await _state.SaveStateAsync();

        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task Saves_all_changes_of_a_turn_in_one_transaction_then_tracks_them_as_saved()
    {
        _store.Values["old"] = "\"x\"";
        await _state.SetStateAsync("count", 1);
        await _state.AddStateAsync("name", new { First = "Ada" });
        await _state.RemoveStateAsync("old");

        await _state.SaveStateAsync();
        await _state.SaveStateAsync();

        var transaction = Assert.Single(_store.Saves);
        Assert.Equal(
            ["count Update 1", "name Add {\"first\":\"Ada\"}", "old Remove "],
            transaction.Select(change => $"{change.StateName} {change.ChangeKind} {(change.Value is null ? "" : Encoding.UTF8.GetString(change.Value))}").Order());
    }

    [Fact]
    public async Task Setting_a_key_never_read_reads_nothing_and_saves_as_an_upsert()
    {
        await _state.SetStateAsync("listed", true);
        await _state.SaveStateAsync();

        Assert.Equal(0, _store.Loads);
        var change = Assert.Single(Assert.Single(_store.Saves));
        Assert.Equal(("listed", StateChangeKind.Update), (change.StateName, change.ChangeKind));
        Assert.True(await _state.ContainsStateAsync("listed"));
    }

    [Fact]
    public async Task An_existing_key_is_updated_not_added()
    {
        _store.Values["count"] = "3";

        await _state.SetStateAsync("count", 4);
        await _state.SaveStateAsync();

        Assert.Equal(StateChangeKind.Update, Assert.Single(Assert.Single(_store.Saves)).ChangeKind);
    }

    [Fact]
    public async Task Add_fails_for_an_existing_key_and_Get_for_a_missing_one()
    {
        _store.Values["count"] = "3";

        await Assert.ThrowsAsync<InvalidOperationException>(() => _state.AddStateAsync("count", 1));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _state.GetStateAsync<int>("missing"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _state.RemoveStateAsync("missing"));
        Assert.False((await _state.TryGetStateAsync<int>("missing")).HasValue);
    }

    [Fact]
    public async Task Adding_then_removing_before_the_save_sends_nothing()
    {
        await _state.AddStateAsync("temp", 1);
        Assert.True(await _state.TryRemoveStateAsync("temp"));

        await _state.SaveStateAsync();

        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task Re_adding_a_removed_stored_key_is_an_update()
    {
        _store.Values["count"] = "3";
        await _state.RemoveStateAsync("count");
        Assert.False(await _state.ContainsStateAsync("count"));

        Assert.True(await _state.TryAddStateAsync("count", 9));
        await _state.SaveStateAsync();

        var change = Assert.Single(Assert.Single(_store.Saves));
        Assert.Equal((StateChangeKind.Update, "9"), (change.ChangeKind, Encoding.UTF8.GetString(change.Value!)));
    }

    [Fact]
    public async Task GetOrAdd_and_AddOrUpdate_follow_what_is_stored()
    {
        _store.Values["count"] = "3";

        Assert.Equal(3, await _state.GetOrAddStateAsync("count", 0));
        Assert.Equal(7, await _state.GetOrAddStateAsync("fresh", 7));
        Assert.Equal(4, await _state.AddOrUpdateStateAsync("count", 0, (_, value) => value + 1));
        Assert.Equal(1, await _state.AddOrUpdateStateAsync("other", 1, (_, value) => value + 1));
    }

    [Fact]
    public async Task ClearCache_forgets_unsaved_changes_and_reads_again()
    {
        _store.Values["count"] = "3";
        await _state.SetStateAsync("count", 100);

        await _state.ClearCacheAsync();

        Assert.Equal(3, await _state.GetStateAsync<int>("count"));
        await _state.SaveStateAsync();
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task Each_save_sends_only_what_changed_since_the_one_before()
    {
        await _state.SetStateAsync("first", 1);
        await _state.SaveStateAsync();
        await _state.GetStateAsync<int>("first");
        await _state.SetStateAsync("second", 2);
        await _state.SaveStateAsync();

        Assert.Equal(["second"], _store.Saves[1].Select(change => change.StateName));
    }

    [Fact]
    public async Task A_save_past_the_cache_limit_forgets_the_cache_and_later_reads_go_to_the_store()
    {
        for (var key = 0; key <= ActorStateManager.CacheLimit; key++) await _state.SetStateAsync($"reservation-{key}", key);
        await _state.SaveStateAsync();

        Assert.Equal(7, await _state.GetStateAsync<int>("reservation-7"));
        Assert.Equal(1, _store.Loads);
        Assert.Equal(ActorStateManager.CacheLimit + 1, Assert.Single(_store.Saves).Count);
    }

    private sealed class InMemoryStateProvider : IActorStateProvider
    {
        public Dictionary<string, string> Values { get; } = [];

        public List<IReadOnlyList<ActorStateChange>> Saves { get; } = [];

        public int Loads { get; private set; }

        public Task<byte[]?> TryLoadStateAsync(string actorType, string actorId, string stateName, CancellationToken cancellationToken)
        {
            Loads++;
            return Task.FromResult(Values.TryGetValue(stateName, out var json) ? Encoding.UTF8.GetBytes(json) : null);
        }

        public Task SaveStateAsync(string actorType, string actorId, IReadOnlyList<ActorStateChange> changes, CancellationToken cancellationToken)
        {
            Saves.Add(changes);
            foreach (var change in changes)
            {
                if (change.Value is null) Values.Remove(change.StateName);
                else Values[change.StateName] = Encoding.UTF8.GetString(change.Value);
            }

            return Task.CompletedTask;
        }
    }
}
