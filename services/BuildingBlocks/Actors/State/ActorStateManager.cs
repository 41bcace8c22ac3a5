using System.Text.Json;

namespace DaprShop.Actors;

/// <summary>
/// Dapr.Actors' ActorStateManager: values read from the sidecar are cached for the life of the activation (only
/// one activation exists cluster-wide, so the cache cannot go stale), writes are tracked and sent as one
/// transaction by <see cref="SaveStateAsync"/> at the end of the turn. A turn that changed nothing sends nothing.
/// An activation that stays busy can touch a key per request (a reservation, a marker), so saving looks only at the
/// keys changed in the turn, and past <see cref="CacheLimit"/> keys a save forgets what it need not keep (the store has it).
/// </summary>
internal sealed class ActorStateManager(
    string actorType, string actorId, IActorStateProvider provider, JsonSerializerOptions jsonSerializerOptions) : IActorStateManager
{
    internal const int CacheLimit = 1000;

    private readonly Dictionary<string, TrackedState> _tracked = new(StringComparer.Ordinal);

    /// <summary>The tracked keys with a change to save.</summary>
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    /// <summary>
    /// Keys this activation found missing in the store, or removed from it, and has not set since. Only the actor writes
    /// its state, so they stay missing: setting one later (a marker, a new reservation) need not read it again to know.
    /// </summary>
    private readonly HashSet<string> _knownMissing = new(StringComparer.Ordinal);

    public async Task AddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        if (!await TryAddStateAsync(stateName, value, cancellationToken))
        {
            throw new InvalidOperationException($"An actor state named '{stateName}' already exists.");
        }
    }

    public async Task<T> GetStateAsync<T>(string stateName, CancellationToken cancellationToken = default)
    {
        var state = await TryGetStateAsync<T>(stateName, cancellationToken);
        return state.HasValue ? state.Value : throw new KeyNotFoundException($"Actor state '{stateName}' does not exist.");
    }

    public Task SetStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        if (_tracked.TryGetValue(stateName, out var tracked))
        {
            tracked.Value = value;
            tracked.ValueType = typeof(T);
            if (tracked.Kind is StateChangeKind.None or StateChangeKind.Remove) tracked.Kind = StateChangeKind.Update;
            _changed.Add(stateName);
            return Task.CompletedTask;
        }

        // Not read to tell an add from an update: both save as an upsert. Only a key known to be missing is an add,
        // so removing it again in this activation sends nothing.
        var kind = _knownMissing.Remove(stateName) ? StateChangeKind.Add : StateChangeKind.Update;
        Track(stateName, new TrackedState(value, typeof(T), kind));
        return Task.CompletedTask;
    }

    public async Task RemoveStateAsync(string stateName, CancellationToken cancellationToken = default)
    {
        if (!await TryRemoveStateAsync(stateName, cancellationToken))
        {
            throw new KeyNotFoundException($"Actor state '{stateName}' does not exist.");
        }
    }

    public async Task<bool> TryAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        if (_tracked.TryGetValue(stateName, out var tracked))
        {
            // Removed earlier in this activation and not saved yet: the key still exists in the store, so re-adding it is an update.
            if (tracked.Kind != StateChangeKind.Remove) return false;
            Track(stateName, new TrackedState(value, typeof(T), StateChangeKind.Update));
            return true;
        }

        if (await IsStoredAsync(stateName, cancellationToken)) return false;
        _knownMissing.Remove(stateName);
        Track(stateName, new TrackedState(value, typeof(T), StateChangeKind.Add));
        return true;
    }

    public async Task<ConditionalValue<T>> TryGetStateAsync<T>(string stateName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        if (_tracked.TryGetValue(stateName, out var tracked))
        {
            return tracked.Kind == StateChangeKind.Remove ? default : new ConditionalValue<T>(true, (T)tracked.Value!);
        }

        if (_knownMissing.Contains(stateName)) return default;
        var json = await provider.TryLoadStateAsync(actorType, actorId, stateName, cancellationToken);
        if (json is null)
        {
            _knownMissing.Add(stateName);
            return default;
        }

        var value = JsonSerializer.Deserialize<T>(json, jsonSerializerOptions)!;
        Track(stateName, new TrackedState(value, typeof(T), StateChangeKind.None));
        return new ConditionalValue<T>(true, value);
    }

    public async Task<bool> TryRemoveStateAsync(string stateName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        if (_tracked.TryGetValue(stateName, out var tracked))
        {
            switch (tracked.Kind)
            {
                case StateChangeKind.Remove:
                    return false;
                case StateChangeKind.Add:
                    // Never saved: forgetting it is enough.
                    _tracked.Remove(stateName);
                    _changed.Remove(stateName);
                    _knownMissing.Add(stateName);
                    return true;
                default:
                    tracked.Kind = StateChangeKind.Remove;
                    _changed.Add(stateName);
                    return true;
            }
        }

        if (!await IsStoredAsync(stateName, cancellationToken)) return false;
        Track(stateName, new TrackedState(null, typeof(object), StateChangeKind.Remove));
        return true;
    }

    public async Task<bool> ContainsStateAsync(string stateName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        if (_tracked.TryGetValue(stateName, out var tracked)) return tracked.Kind != StateChangeKind.Remove;
        return await IsStoredAsync(stateName, cancellationToken);
    }

    public async Task<T> GetOrAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        var existing = await TryGetStateAsync<T>(stateName, cancellationToken);
        if (existing.HasValue) return existing.Value;

        // Still tracked here means it was removed in this activation, so the store holds it: an update, not an add.
        var kind = _tracked.ContainsKey(stateName) ? StateChangeKind.Update : StateChangeKind.Add;
        _knownMissing.Remove(stateName);
        Track(stateName, new TrackedState(value, typeof(T), kind));
        return value;
    }

    public async Task<T> AddOrUpdateStateAsync<T>(
        string stateName, T addValue, Func<string, T, T> updateValueFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        var existing = await TryGetStateAsync<T>(stateName, cancellationToken);
        if (existing.HasValue)
        {
            var updated = updateValueFactory(stateName, existing.Value);
            await SetStateAsync(stateName, updated, cancellationToken);
            return updated;
        }

        await SetStateAsync(stateName, addValue, cancellationToken);
        return addValue;
    }

    public Task ClearCacheAsync(CancellationToken cancellationToken = default)
    {
        _tracked.Clear();
        _changed.Clear();
        _knownMissing.Clear();
        return Task.CompletedTask;
    }

    public async Task SaveStateAsync(CancellationToken cancellationToken = default)
    {
        if (_changed.Count == 0) return;
        var changes = _changed.Select(stateName =>
        {
            var state = _tracked[stateName];
            var value = state.Kind == StateChangeKind.Remove ? null : JsonSerializer.SerializeToUtf8Bytes(state.Value, state.ValueType, jsonSerializerOptions);
            return new ActorStateChange(stateName, state.Kind, value);
        }).ToArray();

        await provider.SaveStateAsync(actorType, actorId, changes, cancellationToken);

        foreach (var change in changes)
        {
            if (change.ChangeKind == StateChangeKind.Remove)
            {
                _tracked.Remove(change.StateName);
                _knownMissing.Add(change.StateName);
            }
            else _tracked[change.StateName].Kind = StateChangeKind.None;
        }

        _changed.Clear();
        ForgetBeyondCacheLimit();
    }

    private void Track(string stateName, TrackedState state)
    {
        _tracked[stateName] = state;
        if (state.Kind == StateChangeKind.None) _changed.Remove(stateName);
        else _changed.Add(stateName);
    }

    /// <summary>
    /// Right after a save nothing tracked differs from the store, so the cache can start over: later reads go to the
    /// store once more, and a key not known missing is set as an upsert, which is what it is.
    /// </summary>
    private void ForgetBeyondCacheLimit()
    {
        if (_tracked.Count > CacheLimit) _tracked.Clear();
        if (_knownMissing.Count > CacheLimit) _knownMissing.Clear();
    }

    /// <summary>Whether the store holds an untracked key, read only when this activation does not already know it is missing.</summary>
    private async Task<bool> IsStoredAsync(string stateName, CancellationToken cancellationToken)
    {
        if (_knownMissing.Contains(stateName)) return false;
        if (await provider.TryLoadStateAsync(actorType, actorId, stateName, cancellationToken) is not null) return true;
        _knownMissing.Add(stateName);
        return false;
    }

    private sealed class TrackedState(object? value, Type valueType, StateChangeKind kind)
    {
        public object? Value { get; set; } = value;

        public Type ValueType { get; set; } = valueType;

        public StateChangeKind Kind { get; set; } = kind;
    }
}
