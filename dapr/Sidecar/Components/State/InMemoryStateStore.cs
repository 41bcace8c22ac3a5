using System.Globalization;

namespace DaprShop.Sidecar.Components.State;

/// <summary>
/// <c>state.in-memory</c>: process-local state, as components-contrib state/in-memory/in_memory.go (Dapr 1.14–1.16).
/// One lock guards the map: every operation is a few dictionary steps, so a plain lock beats finer schemes,
/// and readers never observe half of a transaction.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    // in_memory.go: startCleanThread wakes every second to drop expired items.
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, StoredItem> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _cleanupTimer;

    private InMemoryStateStore(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _cleanupTimer = timeProvider.CreateTimer(_ => RemoveExpired(), null, CleanupInterval, CleanupInterval);
    }

    public static InMemoryStateStore Create(ComponentContext context) => Create(context, TimeProvider.System);

    internal static InMemoryStateStore Create(ComponentContext context, TimeProvider timeProvider) => new(timeProvider);

    /// <summary>
    /// What daprd's metadata API lists for state.in-memory. daprd itself appends ACTOR to every store that has both
    /// ETAG and TRANSACTIONAL; this sidecar has no separate step for that, so the store lists it.
    /// </summary>
    public IReadOnlyList<string> Features { get; } = ["ETAG", "TRANSACTIONAL", "TTL", "DELETE_WITH_PREFIX"];

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        StoredItem? item;
        lock (_lock)
        {
            item = LiveItem(key, _timeProvider.GetUtcNow());
        }
        return Task.FromResult(item is null
            ? null
            : new StateEntry(item.Value.ToArray(), item.ETag, StateMetadata.ForExpiration(item.ExpiresAt)));
    }

    public Task SetAsync(StateSetRequest request, CancellationToken cancellationToken)
    {
        var write = PendingWrite.For(request);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            ValidateETag(request.Key, request.ETag, request.Concurrency, now);
            _items[request.Key] = write.ToItem(now);
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(StateDeleteRequest request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ValidateETag(request.Key, request.ETag, request.Concurrency, _timeProvider.GetUtcNow());
            _items.Remove(request.Key);
        }
        return Task.CompletedTask;
    }

    /// <summary>As in_memory.go Multi: parse every upsert first, then check every ETag against the state before
    /// the transaction, and only then apply all operations; nothing is applied when any check fails.</summary>
    public Task ExecuteTransactionAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken)
    {
        var writes = operations.Select(operation => operation.Set is { } set ? PendingWrite.For(set) : null).ToArray();
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var operation in operations)
            {
                if (operation.Set is { } set) ValidateETag(set.Key, set.ETag, set.Concurrency, now);
                else if (operation.Delete is { } delete) ValidateETag(delete.Key, delete.ETag, delete.Concurrency, now);
            }
            for (var i = 0; i < operations.Count; i++)
            {
                if (writes[i] is { } write) _items[operations[i].Set!.Key] = write.ToItem(now);
                else if (operations[i].Delete is { } delete) _items.Remove(delete.Key);
            }
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _cleanupTimer.DisposeAsync();
        lock (_lock)
        {
            _items.Clear();
        }
    }

    /// <summary>
    /// in_memory.go doValidateEtag: first-write without an ETag fails when the key exists (for deletes too);
    /// a non-empty ETag must equal the current one. Unlike Dapr, an expired item that the cleanup has not
    /// removed yet counts as absent here, so expiry is exact rather than up to a second late.
    /// </summary>
    private void ValidateETag(string key, string? etag, StateConcurrency concurrency, DateTimeOffset now)
    {
        var current = LiveItem(key, now);
        if (string.IsNullOrEmpty(etag))
        {
            if (concurrency == StateConcurrency.FirstWrite && current is not null)
                throw ETagMismatch.Error("item already exists and no etag was passed");
            return;
        }
        if (current is null)
            throw ETagMismatch.Error($"state not exist or expired for key={key}");
        if (current.ETag != etag)
            throw ETagMismatch.Error($"state etag not match for key={key}: current={current.ETag}, expect={etag}");
    }

    private StoredItem? LiveItem(string key, DateTimeOffset now)
    {
        if (!_items.TryGetValue(key, out var item)) return null;
        if (!item.IsExpired(now)) return item;
        _items.Remove(key);
        return null;
    }

    private void RemoveExpired()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var (key, item) in _items)
            {
                if (item.IsExpired(now)) _items.Remove(key);
            }
        }
    }

    private sealed record StoredItem(byte[] Value, string ETag, DateTimeOffset? ExpiresAt)
    {
        // in_memory.go isExpired: now.After(expire).
        public bool IsExpired(DateTimeOffset now) => ExpiresAt < now;
    }

    /// <summary>A validated upsert, parsed before the lock is taken.</summary>
    private sealed record PendingWrite(byte[] Value, int TtlSeconds)
    {
        public static PendingWrite For(StateSetRequest request) => new(request.Value.ToArray(), ParseTtl(request.Metadata));

        // A fresh random UUID per write, like in_memory.go doSet.
        public StoredItem ToItem(DateTimeOffset now) =>
            new(Value, Guid.NewGuid().ToString(), TtlSeconds > 0 ? now.AddSeconds(TtlSeconds) : null);

        /// <summary>in_memory.go doParseTTLInSeconds: an integer; negative values (e.g. -1) mean no expiry.</summary>
        private static int ParseTtl(IReadOnlyDictionary<string, string> metadata)
        {
            var text = StateMetadata.GetTtl(metadata);
            if (text is null) return 0;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
                throw new StateStoreException($"incorrect value for metadata '{StateMetadata.TtlInSeconds}': \"{text}\" is not an integer");
            return Math.Max(seconds, 0);
        }
    }
}
