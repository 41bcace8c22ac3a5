using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Payment.Simulated;

/// <summary>
/// The simulated provider's undelivered webhooks, kept in state so a restart sends what a crash left unsent, as Stripe
/// keeps retrying. A fixed set of bucket keys (<c>simulated-webhooks-pending:{n}</c>) is the index a store without
/// queries needs; a request's events enter one bucket in the same transaction as the intent, and leave when delivered.
/// </summary>
public sealed class SimulatedWebhookOutbox(DaprClient dapr)
{
    public const int BucketCount = 16;
    private const int MaxAttempts = 20;
    private static readonly StateOptions MustNotExist = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public sealed record PendingWebhook(string EventId, string Json);

    public sealed record Bucket(IReadOnlyList<PendingWebhook> Items);

    /// <summary>Runs <paramref name="writes"/> in one transaction with <paramref name="webhooks"/> added to a bucket, retrying on a bucket conflict.</summary>
    public async Task SaveWithAsync(int bucket, IReadOnlyList<StateTransactionRequest> writes, IReadOnlyList<PendingWebhook> webhooks, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync(bucket, cancellationToken);
            var added = new Bucket([.. current.Items, .. webhooks]);
            try
            {
                await dapr.ExecuteStateTransactionAsync(ComponentNames.StateStore, [.. writes, Write(bucket, added, etag)], cancellationToken: cancellationToken);
                return;
            }
            catch (DaprApiException exception) when (exception.IsTransactionRefused && attempt < MaxAttempts)
            {
                // Another request changed the bucket since it was read (or the store failed): read again and retry.
            }
        }
    }

    public async Task RemoveAsync(int bucket, string eventId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (current, etag) = await ReadAsync(bucket, cancellationToken);
            if (current.Items.All(item => item.EventId != eventId)) return;
            var remaining = new Bucket([.. current.Items.Where(item => item.EventId != eventId)]);
            if (await dapr.TrySaveStateAsync(ComponentNames.StateStore, KeyOf(bucket), remaining, etag, cancellationToken: cancellationToken)) return;
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

    private async Task<(Bucket Bucket, string ETag)> ReadAsync(int bucket, CancellationToken cancellationToken)
    {
        var (current, etag) = await dapr.GetStateAndETagAsync<Bucket>(ComponentNames.StateStore, KeyOf(bucket), cancellationToken: cancellationToken);
        return (current ?? new Bucket([]), etag);
    }

    /// <summary>Guarded by the ETag read, or by first-write when the bucket did not exist.</summary>
    private StateTransactionRequest Write(int bucket, Bucket value, string etag) =>
        new(KeyOf(bucket), JsonSerializer.SerializeToUtf8Bytes(value, dapr.JsonSerializerOptions), StateOperationType.Upsert,
            etag: etag.Length > 0 ? etag : null, options: etag.Length > 0 ? null : MustNotExist);

    private static string KeyOf(int bucket) => $"simulated-webhooks-pending:{bucket}";
}
