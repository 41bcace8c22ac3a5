using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Contracts.Inventory;
using DaprShop.Dapr;
using DaprShop.Inventory.Domain;
using DaprShop.Inventory.Seeding;

namespace DaprShop.Inventory.Actors;

/// <summary>
/// The stock of one SKU (the actor id). Turn-based concurrency makes every call see the result of the one before, so
/// <see cref="StockLevels"/>' invariant holds under any number of parallel callers.
/// </summary>
/// <remarks>
/// A changing turn saves its state explicitly, then publishes the <see cref="StockChanged"/> events it queued; the
/// events sit in the saved state (an outbox) until the broker took them, so a crash or failed publish between the two
/// publishes them later (from the next turn, or a retry reminder). Published events leave the stored outbox with the
/// next turn's save. Subscribers may see an event twice and dedupe by
/// <see cref="StockChanged.Version"/> or by the CloudEvent id <c>{sku}:{version}</c>.
/// Expiry uses one reminder per SKU, due at the earliest open expiry, rather than one per reservation: a hot SKU holds
/// hundreds of reservations, and each reminder write rewrites a stored list in the sidecar; with one TTL for all, later
/// reservations expire later, so the reminder is registered once and re-registered only when it fires.
/// </remarks>
public sealed class StockItemActor(ActorHost host, DaprClient dapr, InitialStock initialStock, TimeProvider clock)
    : Actor(host), IStockItemActor, IRemindable
{
    public const string ExpiryReminder = "expire-reservations";
    public const string PublishRetryReminder = "publish-stock-changes";

    private static readonly TimeSpan PublishRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan OneShot = TimeSpan.FromMilliseconds(-1);

    /// <summary>The last version this activation saw the broker take; stored events up to it need not be published again.</summary>
    private long _publishedThrough;

    public async Task<ReservationOutcome> Reserve(ReserveStock request)
    {
        var item = await LoadAsync();
        var outcome = item.Reserve(request, await FindFinishedAsync(item, request.ReservationId), clock.GetUtcNow());
        await SaveAndPublishAsync(item);
        return outcome;
    }

    public async Task<ReservationOutcome> Commit(ReservationReference reservation)
    {
        var item = await LoadAsync();
        var outcome = item.Commit(reservation.ReservationId, await FindFinishedAsync(item, reservation.ReservationId), clock.GetUtcNow());
        await SaveAndPublishAsync(item);
        return outcome;
    }

    public async Task<ReservationOutcome> Release(ReservationReference reservation)
    {
        var item = await LoadAsync();
        var outcome = item.Release(reservation.ReservationId, await FindFinishedAsync(item, reservation.ReservationId), clock.GetUtcNow());
        await SaveAndPublishAsync(item);
        return outcome;
    }

    public async Task<StockLevelsSnapshot> GetLevels()
    {
        var item = await LoadAsync();
        await SaveAndPublishAsync(item);
        return item.Snapshot();
    }

    public async Task<StockUpdateOutcome> SetOnHand(SetOnHand request)
    {
        var item = await LoadAsync();
        var outcome = item.SetOnHand(request.OnHand, clock.GetUtcNow());
        await SaveAndPublishAsync(item);
        Logger.LogInformation("Set on-hand of {Sku} to {OnHand}: {Status}", Id.Id, request.OnHand, outcome.Status);
        return outcome;
    }

    public async Task<StockUpdateOutcome> Adjust(AdjustStock request)
    {
        var item = await LoadAsync();
        var applied = await FindAppliedAdjustmentAsync(request.AdjustmentId);
        var outcome = item.Adjust(request, applied, clock.GetUtcNow());
        await SaveAndPublishAsync(item);
        if (applied is null)
        {
            Logger.LogInformation("Adjusted on-hand of {Sku} by {Delta} ({Reason}, adjustment {AdjustmentId}): {Status}",
                Id.Id, request.Delta, request.Reason, request.AdjustmentId, outcome.Status);
        }
        else
        {
            Logger.LogInformation("Adjustment {AdjustmentId} of {Sku} was applied at {AppliedAt}; not adjusting again", applied.Id, Id.Id, applied.AppliedAt);
        }

        return outcome;
    }

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        var item = await LoadAsync();
        if (reminderName == ExpiryReminder)
        {
            // This reminder is spent; saving re-registers it for the next open expiry, if any.
            item.ExpiryReminderDueAt = null;
        }

        await SaveAndPublishAsync(item);
    }

    /// <summary>The stored state, or the initial stock for a SKU never changed, with due reservations already expired.</summary>
    private async Task<StockItem> LoadAsync()
    {
        if (!Sku.IsWellFormed(Id.Id)) throw new ArgumentException($"'{Id.Id}' is not a well-formed SKU.");

        var stored = await StateManager.TryGetStateAsync<StockItemState>(StockItemState.StateKey);
        var item = new StockItem(Id.Id, stored.HasValue ? stored.Value : StockItemState.Initial(initialStock.OnHandOf(Id.Id)));
        item.ExpireDue(clock.GetUtcNow());
        return item;
    }

    private async Task<Reservation?> FindFinishedAsync(StockItem item, string? reservationId)
    {
        if (string.IsNullOrEmpty(reservationId) || item.IsOpen(reservationId)) return null;
        if (item.FinishedThisTurn.FirstOrDefault(reservation => reservation.Id == reservationId) is { } justFinished) return justFinished;

        var stored = await StateManager.TryGetStateAsync<Reservation>(StockItemState.FinishedReservationKey(reservationId));
        return stored.HasValue ? stored.Value : null;
    }

    private async Task<AppliedAdjustment?> FindAppliedAdjustmentAsync(string? adjustmentId)
    {
        if (string.IsNullOrEmpty(adjustmentId)) return null;

        var stored = await StateManager.TryGetStateAsync<AppliedAdjustment>(StockItemState.AppliedAdjustmentKey(adjustmentId));
        return stored.HasValue ? stored.Value : null;
    }

    private async Task SaveAndPublishAsync(StockItem item)
    {
        // Registered before the save: a reminder without the reservation it was for fires harmlessly, while a saved
        // reservation without a reminder would hold its stock until the SKU's next call.
        await ScheduleExpiryAsync(item);
        // What this activation published in earlier turns leaves the stored outbox with this turn's save, instead of
        // costing each publishing turn a second save; a new activation publishes what is still stored again.
        item.DropPublishedThrough(_publishedThrough);
        if (item.Changed)
        {
            foreach (var reservation in item.FinishedThisTurn)
            {
                await StateManager.SetStateAsync(StockItemState.FinishedReservationKey(reservation.Id), reservation);
            }

            foreach (var adjustment in item.AdjustedThisTurn)
            {
                await StateManager.SetStateAsync(StockItemState.AppliedAdjustmentKey(adjustment.Id), adjustment);
            }

            await StateManager.SetStateAsync(StockItemState.StateKey, item.ToState());
            await StateManager.SaveStateAsync();
        }

        if (await PublishPendingAsync(item) && !item.Changed)
        {
            // Nothing else to save this turn (a retry reminder, say): drain the stored outbox now.
            item.DropPublishedThrough(_publishedThrough);
            await StateManager.SetStateAsync(StockItemState.StateKey, item.ToState());
            await StateManager.SaveStateAsync();
        }
    }

    private async Task ScheduleExpiryAsync(StockItem item)
    {
        var now = clock.GetUtcNow();
        if (item.EarliestExpiry is not { } earliest) return;
        if (item.ExpiryReminderDueAt is { } due && due > now && due <= earliest) return;

        var wait = earliest - now;
        await RegisterReminderAsync(ExpiryReminder, null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, OneShot);
        item.ExpiryReminderDueAt = earliest;
    }

    /// <summary>Publishes the saved events in version order; true when the broker took at least one.</summary>
    private async Task<bool> PublishPendingAsync(StockItem item)
    {
        var publishedBefore = _publishedThrough;
        try
        {
            foreach (var change in item.PendingEvents)
            {
                await dapr.PublishEventAsync(
                    ComponentNames.PubSub,
                    Topics.StockChanged,
                    change,
                    new Dictionary<string, string> { ["cloudevent.id"] = $"{change.Sku}:{change.Version}" });
                _publishedThrough = change.Version;
            }
        }
        catch (Exception error) when (error is DaprException or HttpRequestException)
        {
            Logger.LogWarning("Publishing stock changes of {Sku} failed, retrying in {Delay}: {Error}", Id.Id, PublishRetryDelay, error.Message);
            await RegisterReminderAsync(PublishRetryReminder, null, PublishRetryDelay, OneShot);
        }

        return _publishedThrough > publishedBefore;
    }
}
