using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Payment.Domain;

namespace DaprShop.Payment.Persistence;

/// <summary>
/// The ledgers, one key per order (<c>payment:{orderId}</c>), changed only by read–change–write guarded by the ETag, so
/// a webhook and an internal call touching the same order at once cannot lose each other's change.
/// </summary>
public sealed class PaymentLedgerStore(DaprClient dapr)
{
    private const int MaxAttempts = 20;

    /// <summary>The ledger with its ETag, so a change decided on this read can save over it without reading again.</summary>
    public async Task<StoredLedger> ReadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var (ledger, etag) = await dapr.GetStateAndETagAsync<PaymentLedger>(ComponentNames.StateStore, KeyOf(orderId), cancellationToken: cancellationToken);
        return new StoredLedger(ledger, etag);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current ledger (null if none) and saves the result, re-reading and
    /// re-applying on a conflict. A change that returns its input unchanged (or null) saves nothing.
    /// </summary>
    /// <param name="read">A recent <see cref="ReadAsync"/> to apply the change to first; losing to another change reads again.</param>
    public async Task<PaymentLedger?> UpdateAsync(
        Guid orderId, Func<PaymentLedger?, PaymentLedger?> change, CancellationToken cancellationToken, StoredLedger? read = null)
    {
        var key = KeyOf(orderId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (current, etag) = read ?? await ReadAsync(orderId, cancellationToken);
            read = null;
            var changed = change(current);
            if (changed is null || ReferenceEquals(changed, current)) return current;
            if (await dapr.TrySaveOverReadAsync(ComponentNames.StateStore, key, changed, etag, cancellationToken)) return changed;
        }

        throw new InvalidOperationException($"The payment ledger of order {orderId} kept changing under {MaxAttempts} attempts to update it.");
    }

    private static string KeyOf(Guid orderId) => $"payment:{orderId}";
}
