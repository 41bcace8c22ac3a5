using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Payment.Simulated;

/// <summary>
/// The simulated provider's undelivered webhooks, kept in state so a restart sends what a crash left unsent, as Stripe
/// keeps retrying. A fixed set of bucket keys (<c>simulated-webhooks-pending:{n}</c>) is the index a store without
/// queries needs; a request's events enter one bucket in the same transaction as the intent. A delivered event leaves
/// with its bucket's next write (the next request's transaction, or <see cref="RemoveDeliveredAsync"/> every few
/// seconds) rather than in a read and a write of its own; a crash before that sends it again at the next start, which
/// the receiver dedupes by event id (Stripe, too, may deliver an event more than once).
/// </summary>
public sealed class SimulatedWebhookOutbox(DaprClient dapr)
{
    public const int BucketCount = 16;
    private const int MaxAttempts = 20;

    public sealed record PendingWebhook(string EventId, string Json);

    public sealed record Bucket(IReadOnlyList<PendingWebhook> Items);

    private readonly Dictionary<int, HashSet<string>> _delivered = [];

    /// <summary>
    /// Runs <paramref name="writes"/> in one transaction with <paramref name="webhooks"/> added to a bucket (and the
    /// bucket's delivered events dropped), retrying on a bucket conflict.
    /// </summary>
    public async Task SaveWithAsync(int bucket, IReadOnlyList<StateTransactionRequest> writes, IReadOnlyList<PendingWebhook> webhooks, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync(bucket, cancellationToken);
            var delivered = DeliveredIn(bucket);
            var added = new Bucket([.. current.Items.Where(item => !delivered.Contains(item.EventId)), .. webhooks]);
            try
            {
                await dapr.ExecuteStateTransactionAsync(ComponentNames.StateStore, [.. writes, dapr.Upsert(KeyOf(bucket), added, etag)], cancellationToken: cancellationToken);
                Forget(bucket, delivered);
                return;
            }
            catch (DaprApiException exception) when (exception.IsTransactionRefused && attempt < MaxAttempts)
            {
                // Another request changed the bucket since it was read (or the store failed): read again and retry.
            }
        }
    }

    /// <summary>Notes a delivered event; it leaves its bucket with the bucket's next write.</summary>
    public void MarkDelivered(int bucket, string eventId)
    {
        lock (_delivered)
        {
            if (!_delivered.TryGetValue(bucket, out var eventIds)) _delivered[bucket] = eventIds = new HashSet<string>(StringComparer.Ordinal);
            eventIds.Add(eventId);
        }
    }

    /// <summary>Writes every bucket that still lists delivered events (those no request has written since).</summary>
    public async Task RemoveDeliveredAsync(CancellationToken cancellationToken)
    {
        int[] buckets;
        lock (_delivered) buckets = [.. _delivered.Keys];
        foreach (var bucket in buckets)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var (current, etag) = await ReadAsync(bucket, cancellationToken);
                var delivered = DeliveredIn(bucket);
                if (await dapr.TrySaveOverReadAsync(
                        ComponentNames.StateStore, KeyOf(bucket), new Bucket([.. current.Items.Where(item => !delivered.Contains(item.EventId))]), etag,
                        cancellationToken))
                {
                    Forget(bucket, delivered);
                    break;
                }
            }
        }
    }

    public async Task<IReadOnlyList<(int Bucket, PendingWebhook Webhook)>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var pending = new List<(int, PendingWebhook)>();
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            var (current, _) = await ReadAsync(bucket, cancellationToken);
            pending.AddRange(current.Items.Select(item => (bucket, item)));
        }

        return pending;
    }

    private HashSet<string> DeliveredIn(int bucket)
    {
        lock (_delivered) return _delivered.TryGetValue(bucket, out var eventIds) ? [.. eventIds] : [];
    }

    private void Forget(int bucket, HashSet<string> removed)
    {
        if (removed.Count == 0) return;
        lock (_delivered)
        {
            if (!_delivered.TryGetValue(bucket, out var eventIds)) return;
            eventIds.ExceptWith(removed);
            if (eventIds.Count == 0) _delivered.Remove(bucket);
        }
    }

    private async Task<(Bucket Bucket, string ETag)> ReadAsync(int bucket, CancellationToken cancellationToken)
    {
        var (current, etag) = await dapr.GetStateAndETagAsync<Bucket>(ComponentNames.StateStore, KeyOf(bucket), cancellationToken: cancellationToken);
        return (current ?? new Bucket([]), etag);
    }

    private static string KeyOf(int bucket) => $"simulated-webhooks-pending:{bucket}";
}
