using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Notification.Events;

/// <summary>
/// The CloudEvent ids this app has fully handled (state key <c>processed-event:{id}</c>): pub/sub delivers at least
/// once, so a handler consults this before acting and records the id only after it acted.
/// </summary>
internal sealed class ProcessedEventLog(DaprClient dapr)
{
    // Redeliveries come within minutes (retries) or hours (a sidecar down overnight); a week covers both while keeping
    // the store from growing forever.
    private static readonly IReadOnlyDictionary<string, string> RememberForAWeek = new Dictionary<string, string>
    {
        ["ttlInSeconds"] = ((int)TimeSpan.FromDays(7).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task<bool> ContainsAsync(string eventId, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<ProcessedEvent>(ComponentNames.StateStore, KeyOf(eventId), cancellationToken: cancellationToken) is not null;

    public Task AddAsync(string eventId, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(
            ComponentNames.StateStore, KeyOf(eventId), new ProcessedEvent(processedAt), metadata: RememberForAWeek, cancellationToken: cancellationToken);

    private static string KeyOf(string eventId) => $"processed-event:{eventId}";

    private sealed record ProcessedEvent(DateTimeOffset ProcessedAt);
}
