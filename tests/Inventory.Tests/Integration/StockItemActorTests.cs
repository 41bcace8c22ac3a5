using DaprShop.Actors;
using DaprShop.Contracts.Inventory;

namespace DaprShop.Inventory.Tests.Integration;

/// <summary>The SKU actor through the real sidecar: proxies call inventory's sidecar, which places the actor and calls the app.</summary>
[Collection(InventoryAppCollection.Name)]
public sealed class StockItemActorTests(InventoryApp inventory)
{
    [Fact]
    public async Task Reserve_commit_and_release_move_the_levels_and_repeat_safely()
    {
        var stock = inventory.Sku("ACTOR-FLOW-1");
        await stock.SetOnHand(new SetOnHand(10));

        var reserved = await stock.Reserve(new ReserveStock("order-1:ACTOR-FLOW-1", 3, TimeSpan.FromMinutes(10)));
        var reservedAgain = await stock.Reserve(new ReserveStock("order-1:ACTOR-FLOW-1", 3, TimeSpan.FromMinutes(10)));
        await stock.Reserve(new ReserveStock("order-2:ACTOR-FLOW-1", 2, TimeSpan.FromMinutes(10)));
        var committed = await stock.Commit(new ReservationReference("order-1:ACTOR-FLOW-1"));
        var committedAgain = await stock.Commit(new ReservationReference("order-1:ACTOR-FLOW-1"));
        var released = await stock.Release(new ReservationReference("order-2:ACTOR-FLOW-1"));
        var commitAfterRelease = await stock.Commit(new ReservationReference("order-2:ACTOR-FLOW-1"));
        var releaseAfterCommit = await stock.Release(new ReservationReference("order-1:ACTOR-FLOW-1"));
        var unknown = await stock.Commit(new ReservationReference("order-9:ACTOR-FLOW-1"));

        Assert.Equal(ReservationStatus.Reserved, reserved.Status);
        Assert.Equal(reserved, reservedAgain);
        Assert.Equal(ReservationStatus.Committed, committed.Status);
        Assert.Equal(ReservationStatus.Committed, committedAgain.Status);
        Assert.Equal(ReservationStatus.Released, released.Status);
        Assert.Equal(ReservationStatus.Released, commitAfterRelease.Status);
        Assert.Equal(ReservationStatus.Committed, releaseAfterCommit.Status);
        Assert.Equal(ReservationStatus.NotFound, unknown.Status);
        var levels = await stock.GetLevels();
        Assert.Equal((7, 0, 3, 7), (levels.OnHand, levels.Reserved, levels.Committed, levels.Available));
        Assert.Empty(levels.Reservations);
    }

    [Fact]
    public async Task An_expired_reservation_returns_its_stock_by_reminder_and_can_no_longer_be_committed()
    {
        const string sku = "ACTOR-EXPIRY-1";
        var stock = inventory.Sku(sku);
        await stock.SetOnHand(new SetOnHand(5));
        await stock.Reserve(new ReserveStock("short", 2, TimeSpan.FromSeconds(1)));
        await stock.Reserve(new ReserveStock("long", 1, TimeSpan.FromMinutes(10)));

        // Nothing calls the actor meanwhile: only the reminder can produce the change that returns the two units.
        var deliveries = await inventory.Watcher.WaitForAsync(sku, seen => seen.Any(delivery => delivery.Change.Version == 4));

        var expired = deliveries.Single(delivery => delivery.Change.Version == 4).Change;
        Assert.Equal((5, 1, 4), (expired.OnHand, expired.Reserved, expired.Available));
        Assert.Equal(ReservationStatus.Expired, (await stock.Commit(new ReservationReference("short"))).Status);
        var levels = await stock.GetLevels();
        Assert.Equal("long", Assert.Single(levels.Reservations).ReservationId);
        Assert.Equal(4, levels.Available);
    }

    [Fact]
    public async Task A_reservation_still_expires_after_inventory_and_its_sidecar_restart()
    {
        const string sku = "ACTOR-RESTART-1";
        await inventory.Sku(sku).SetOnHand(new SetOnHand(4));
        await inventory.Sku(sku).Reserve(new ReserveStock("r1", 3, TimeSpan.FromSeconds(8)));

        await inventory.RestartAsync();

        // The reminder was due well after the restart, so only the stored reminder, fired by the new sidecar, can expire it.
        Assert.DoesNotContain(inventory.Watcher.For(sku), delivery => delivery.Change.Version == 3);
        var deliveries = await inventory.Watcher.WaitForAsync(sku, seen => seen.Any(delivery => delivery.Change.Version == 3));
        Assert.Equal(4, deliveries.Single(delivery => delivery.Change.Version == 3).Change.Available);
    }

    [Fact]
    public async Task Events_that_could_not_be_published_stay_saved_and_are_published_once_the_broker_is_back()
    {
        const string sku = "ACTOR-OUTBOX-1";
        await inventory.RestartAsync(withBroker: false);
        await inventory.Sku(sku).SetOnHand(new SetOnHand(6));
        await inventory.Sku(sku).Reserve(new ReserveStock("r1", 2, TimeSpan.FromMinutes(10)));

        var saved = await inventory.ReadSavedStateAsync(sku);
        await inventory.RestartAsync();

        Assert.Equal([1L, 2L], saved!.PendingEvents.Select(change => change.Version));
        // Nothing calls the actor after the restart: the retry reminder the failed publish left behind flushes the outbox.
        var deliveries = await inventory.Watcher.WaitForAsync(sku, seen => seen.Count >= 2);
        Assert.Equal([1L, 2L], deliveries.Select(delivery => delivery.Change.Version).Order());
        await Eventually.UntilAsync(async () => (await inventory.ReadSavedStateAsync(sku))!.PendingEvents.Count == 0);
    }

    [Fact]
    public async Task Stock_changed_events_leave_after_the_state_they_describe_is_saved_one_per_version()
    {
        const string sku = "ACTOR-EVENTS-1";
        var stock = inventory.Sku(sku);
        await stock.SetOnHand(new SetOnHand(8));
        await stock.Reserve(new ReserveStock("r1", 3, TimeSpan.FromMinutes(10)));
        await stock.Adjust(new AdjustStock(2, "goods received"));
        await stock.Commit(new ReservationReference("r1"));

        var deliveries = await inventory.Watcher.WaitForAsync(sku, seen => seen.Count >= 4);

        Assert.Equal([1L, 2L, 3L, 4L], deliveries.Select(delivery => delivery.Change.Version).Order());
        Assert.All(deliveries, delivery => Assert.True(
            delivery.SavedVersion >= delivery.Change.Version,
            $"Event version {delivery.Change.Version} arrived while version {delivery.SavedVersion} was saved."));
        Assert.All(deliveries, delivery => Assert.Equal($"{sku}:{delivery.Change.Version}", delivery.CloudEventId));
        var last = deliveries.Single(delivery => delivery.Change.Version == 4).Change;
        Assert.Equal((7, 0, 7), (last.OnHand, last.Reserved, last.Available));
    }

    [Fact]
    public async Task An_adjustment_repeated_with_its_id_changes_stock_once_even_after_a_restart()
    {
        const string sku = "ACTOR-ADJUST-1";
        await inventory.Sku(sku).SetOnHand(new SetOnHand(10));
        var restock = new AdjustStock(3, "Order cancelled and refunded", $"order-1:{sku}:restock");

        var first = await inventory.Sku(sku).Adjust(restock);
        var repeated = await inventory.Sku(sku).Adjust(restock);
        var otherOrder = await inventory.Sku(sku).Adjust(restock with { AdjustmentId = $"order-2:{sku}:restock" });
        // A new activation reads the applied id from the store, not from memory.
        await inventory.RestartAsync();
        var afterRestart = await inventory.Sku(sku).Adjust(restock);

        Assert.Equal((StockUpdateStatus.Applied, 13, 2L), (first.Status, first.Levels.OnHand, first.Levels.Version));
        Assert.Equal((StockUpdateStatus.Applied, 13, 2L), (repeated.Status, repeated.Levels.OnHand, repeated.Levels.Version));
        Assert.Equal((StockUpdateStatus.Applied, 16, 3L), (otherOrder.Status, otherOrder.Levels.OnHand, otherOrder.Levels.Version));
        Assert.Equal((StockUpdateStatus.Applied, 16, 3L), (afterRestart.Status, afterRestart.Levels.OnHand, afterRestart.Levels.Version));
    }

    /// <summary>The concurrency test: 200 callers race for 50 units; the actor's turns let exactly 50 through.</summary>
    [Fact]
    public async Task Two_hundred_parallel_reservations_for_fifty_units_reserve_exactly_fifty()
    {
        const string sku = "ACTOR-RACE-1";
        var stock = inventory.Sku(sku);
        await stock.SetOnHand(new SetOnHand(50));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(order =>
            inventory.Sku(sku).Reserve(new ReserveStock($"order-{order}:{sku}", 1, TimeSpan.FromMinutes(10)))));

        Assert.Equal(50, outcomes.Count(outcome => outcome.Status == ReservationStatus.Reserved));
        Assert.Equal(150, outcomes.Count(outcome => outcome.Status == ReservationStatus.InsufficientStock));
        Assert.All(outcomes, outcome => Assert.InRange(outcome.Available, 0, 50));
        var levels = await stock.GetLevels();
        Assert.Equal((50, 50, 0, 0), (levels.OnHand, levels.Reserved, levels.Committed, levels.Available));
        Assert.Equal(50, levels.Reservations.Count);
        var deliveries = await inventory.Watcher.WaitForAsync(sku, seen => seen.Count >= 51);
        Assert.All(deliveries, delivery => Assert.InRange(delivery.Change.Available, 0, 50));
    }

    [Fact]
    public async Task A_malformed_reservation_fails_the_call_and_changes_nothing()
    {
        var stock = inventory.Sku("ACTOR-BAD-1");
        await stock.SetOnHand(new SetOnHand(3));

        var failure = await Assert.ThrowsAsync<ActorMethodInvocationException>(() => stock.Reserve(new ReserveStock("r1", 0, TimeSpan.FromMinutes(10))));

        Assert.Equal(typeof(ArgumentException).FullName, failure.RemoteExceptionType);
        Assert.Equal(3, (await stock.GetLevels()).Available);
    }

    [Fact]
    public async Task An_actor_whose_id_is_not_a_sku_refuses_every_call()
    {
        var failure = await Assert.ThrowsAsync<ActorMethodInvocationException>(() => inventory.Sku("not-a-sku").GetLevels());

        Assert.Equal(typeof(ArgumentException).FullName, failure.RemoteExceptionType);
    }
}
