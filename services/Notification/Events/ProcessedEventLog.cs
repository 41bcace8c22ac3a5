using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Notification.Events;

/// <summary>
/// The events this app has fully handled: pub/sub delivers at least once, so a handler consults this before acting and
/// records the event only after it acted. An event is known by its CloudEvent id (<see cref="EventKey"/>) and, when its
/// publisher versions it, also by that version (<see cref="OrderVersionKey"/>), which a republished copy with a new
/// CloudEvent id still shares.
/// </summary>
internal sealed class ProcessedEventLog(DaprClient dapr)
{
    // Redeliveries come within minutes (retries) or hours (a sidecar down overnight); a week covers both while keeping
    // the store from growing forever.
    private static readonly IReadOnlyDictionary<string, string> RememberForAWeek = new Dictionary<string, string>
    {
        ["ttlInSeconds"] = ((int)TimeSpan.FromDays(7).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string EventKey(string cloudEventId) => $"processed-event:{cloudEventId}";

    public static string OrderVersionKey(Guid orderId, long version) => $"processed-order-version:{orderId}-{version}";

    /// <summary>One bulk read for all the keys; a key the store could not read fails the check, so the event is redelivered.</summary>
    public async Task<bool> ContainsAnyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var items = await dapr.GetBulkStateAsync<ProcessedEvent>(ComponentNames.StateStore, keys, parallelism: null, cancellationToken: cancellationToken);
        var unread = items.FirstOrDefault(item => item.Error is not null);
        if (unread.Error is not null) throw new DaprException($"The processed-event log could not read '{unread.Key}': {unread.Error}");

        return items.Any(item => item.Value is not null);
    }

    /// <summary>All the keys in one transaction, each kept for a week.</summary>
    public Task AddAsync(IReadOnlyList<string> keys, DateTimeOffset processedAt, CancellationToken cancellationToken)
    {
        var record = JsonSerializer.SerializeToUtf8Bytes(new ProcessedEvent(processedAt), dapr.JsonSerializerOptions);
        return dapr.ExecuteStateTransactionAsync(
            ComponentNames.StateStore,
            [.. keys.Select(key => new StateTransactionRequest(key, record, StateOperationType.Upsert, metadata: RememberForAWeek))],
            cancellationToken: cancellationToken);
    }

    private sealed record ProcessedEvent(DateTimeOffset ProcessedAt);
}
