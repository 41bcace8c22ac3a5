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

    public async Task<bool> ContainsAnyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            if (await dapr.GetStateAsync<ProcessedEvent>(ComponentNames.StateStore, key, cancellationToken: cancellationToken) is not null) return true;
        }

        return false;
    }

    public async Task AddAsync(IReadOnlyList<string> keys, DateTimeOffset processedAt, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await dapr.SaveStateAsync(
                ComponentNames.StateStore, key, new ProcessedEvent(processedAt), metadata: RememberForAWeek, cancellationToken: cancellationToken);
        }
    }

    private sealed record ProcessedEvent(DateTimeOffset ProcessedAt);
}
