using DaprShop.Contracts.Inventory;
using DaprShop.Inventory.Domain;

namespace DaprShop.Inventory.Tests.Domain;

public sealed class StockItemTests
{
    private const string Sku = "TSHIRT-RED-M";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static StockItem Stocked(int onHand) => new(Sku, StockItemState.Initial(onHand));

    private static ReserveStock Request(string id, int quantity, int ttlSeconds = 600) => new(id, quantity, TimeSpan.FromSeconds(ttlSeconds));

    private static AdjustStock Adjustment(int delta, string? id = null) => new(delta, "stock count", id);

    [Fact]
    public void A_reservation_holds_stock_until_its_expiry()
    {
        var item = Stocked(10);

        var outcome = item.Reserve(Request("o1:TSHIRT-RED-M", 3, ttlSeconds: 60), null, Now);

        Assert.Equal(new ReservationOutcome("o1:TSHIRT-RED-M", ReservationStatus.Reserved, 3, 7, Now.AddSeconds(60)), outcome);
        Assert.Equal(new StockLevels(10, 3, 0), item.Levels);
        Assert.Equal(Now.AddSeconds(60), item.EarliestExpiry);
    }

    [Fact]
    public void Reserving_the_same_id_twice_reserves_once()
    {
        var item = Stocked(10);

        var first = item.Reserve(Request("r1", 3), null, Now);
        var second = item.Reserve(Request("r1", 3), null, Now.AddSeconds(5));

        Assert.Equal(first, second);
        Assert.Equal(3, item.Levels.Reserved);
        Assert.Equal(1, item.Version);
    }

    [Fact]
    public void Too_little_stock_reserves_nothing_and_says_what_is_available()
    {
        var item = Stocked(2);

        var outcome = item.Reserve(Request("r1", 3), null, Now);

        Assert.Equal(new ReservationOutcome("r1", ReservationStatus.InsufficientStock, 0, 2, null), outcome);
        Assert.False(item.Changed);
        Assert.Empty(item.PendingEvents);
    }

    [Fact]
    public void Committing_sells_the_reserved_units_once()
    {
        var item = Stocked(10);
        item.Reserve(Request("r1", 4), null, Now);

        var committed = item.Commit("r1", null, Now);
        var again = item.Commit("r1", item.FinishedThisTurn.Single(), Now);

        Assert.Equal(ReservationStatus.Committed, committed.Status);
        Assert.Equal(committed, again);
        Assert.Equal(new StockLevels(6, 0, 4), item.Levels);
    }

    [Fact]
    public void Releasing_returns_the_units_and_a_later_commit_does_not_commit()
    {
        var item = Stocked(10);
        item.Reserve(Request("r1", 4), null, Now);

        var released = item.Release("r1", null, Now);
        var commit = item.Commit("r1", item.FinishedThisTurn.Single(), Now);

        Assert.Equal(ReservationStatus.Released, released.Status);
        Assert.Equal(ReservationStatus.Released, commit.Status);
        Assert.Equal(new StockLevels(10, 0, 0), item.Levels);
    }

    [Fact]
    public void A_committed_reservation_cannot_be_released()
    {
        var item = Stocked(10);
        item.Reserve(Request("r1", 4), null, Now);
        item.Commit("r1", null, Now);

        var release = item.Release("r1", item.FinishedThisTurn.Single(), Now);

        Assert.Equal(ReservationStatus.Committed, release.Status);
        Assert.Equal(new StockLevels(6, 0, 4), item.Levels);
    }

    [Fact]
    public void Commit_and_release_of_an_unknown_reservation_change_nothing()
    {
        var item = Stocked(10);

        Assert.Equal(ReservationStatus.NotFound, item.Commit("nope", null, Now).Status);
        Assert.Equal(ReservationStatus.NotFound, item.Release("nope", null, Now).Status);
        Assert.False(item.Changed);
    }

    [Fact]
    public void A_reservation_past_its_expiry_returns_its_stock_and_cannot_be_committed()
    {
        var item = Stocked(10);
        item.Reserve(Request("short", 2, ttlSeconds: 30), null, Now);
        item.Reserve(Request("long", 3, ttlSeconds: 90), null, Now);

        item.ExpireDue(Now.AddSeconds(30));
        var commit = item.Commit("short", item.FinishedThisTurn.Single(), Now.AddSeconds(30));

        Assert.Equal(ReservationStatus.Expired, commit.Status);
        Assert.Equal(new StockLevels(10, 3, 0), item.Levels);
        Assert.Equal(Now.AddSeconds(90), item.EarliestExpiry);
    }

    [Fact]
    public void A_reservation_that_expired_is_answered_as_expired_when_reserved_again()
    {
        var item = Stocked(10);
        item.Reserve(Request("r1", 2, ttlSeconds: 30), null, Now);
        item.ExpireDue(Now.AddMinutes(1));

        var again = item.Reserve(Request("r1", 2), item.FinishedThisTurn.Single(), Now.AddMinutes(1));

        Assert.Equal(ReservationStatus.Expired, again.Status);
        Assert.Equal(0, item.Levels.Reserved);
    }

    [Theory]
    [InlineData("", 1, 60)]
    [InlineData("r1", 0, 60)]
    [InlineData("r1", ReserveStock.MaxQuantity + 1, 60)]
    [InlineData("r1", 1, 0)]
    [InlineData("r1", 1, 24 * 60 * 60 + 1)]
    public void A_malformed_reservation_request_is_refused(string id, int quantity, int ttlSeconds) =>
        Assert.Throws<ArgumentException>(() => Stocked(10).Reserve(Request(id, quantity, ttlSeconds), null, Now));

    [Fact]
    public void Commit_or_release_without_a_reservation_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Stocked(10).Commit("", null, Now));
        Assert.Throws<ArgumentException>(() => Stocked(10).Release("", null, Now));
    }

    [Fact]
    public void On_hand_cannot_be_set_or_adjusted_below_what_is_reserved()
    {
        var item = Stocked(10);
        item.Reserve(Request("r1", 4), null, Now);

        Assert.Equal(StockUpdateStatus.BelowReserved, item.SetOnHand(3, Now).Status);
        Assert.Equal(StockUpdateStatus.BelowReserved, item.Adjust(Adjustment(-7), null, Now).Status);
        Assert.Equal(StockUpdateStatus.BelowReserved, item.SetOnHand((long)SetOnHand.MaxOnHand + 1, Now).Status);
        var adjusted = item.Adjust(Adjustment(-6), null, Now);

        Assert.Equal(StockUpdateStatus.Applied, adjusted.Status);
        Assert.Equal(4, adjusted.Levels.OnHand);
        Assert.Equal(0, adjusted.Levels.Available);
    }

    [Fact]
    public void An_adjustment_id_applied_before_is_answered_as_applied_without_adjusting_again()
    {
        var item = Stocked(10);
        var first = item.Adjust(Adjustment(3, "order-1:TSHIRT-RED-M:restock"), null, Now);
        var applied = Assert.Single(item.AdjustedThisTurn);
        var nextTurn = new StockItem(Sku, item.ToState());

        var repeated = nextTurn.Adjust(Adjustment(3, "order-1:TSHIRT-RED-M:restock"), applied, Now.AddMinutes(1));

        Assert.Equal(new AppliedAdjustment("order-1:TSHIRT-RED-M:restock", 3, Now), applied);
        Assert.Equal(StockUpdateStatus.Applied, repeated.Status);
        Assert.Equal(first.Levels, repeated.Levels, SnapshotComparer.Instance);
        Assert.Equal(13, nextTurn.Levels.OnHand);
        Assert.False(nextTurn.Changed);
        Assert.Empty(nextTurn.AdjustedThisTurn);
    }

    [Fact]
    public void Adjustments_with_different_ids_or_without_an_id_each_apply()
    {
        var item = Stocked(10);

        item.Adjust(Adjustment(3, "order-1:TSHIRT-RED-M:restock"), null, Now);
        item.Adjust(Adjustment(3, "order-2:TSHIRT-RED-M:restock"), null, Now);
        item.Adjust(Adjustment(1), null, Now);
        item.Adjust(Adjustment(1), null, Now);

        Assert.Equal(18, item.Levels.OnHand);
        Assert.Equal(["order-1:TSHIRT-RED-M:restock", "order-2:TSHIRT-RED-M:restock"], item.AdjustedThisTurn.Select(adjustment => adjustment.Id));
    }

    [Fact]
    public void A_refused_adjustment_records_nothing_so_its_id_applies_once_the_stock_allows()
    {
        var item = Stocked(5);
        item.Reserve(Request("r1", 4), null, Now);

        var refused = item.Adjust(Adjustment(-3, "count-1"), null, Now);
        item.Release("r1", null, Now);
        var retried = item.Adjust(Adjustment(-3, "count-1"), null, Now);

        Assert.Equal((StockUpdateStatus.BelowReserved, StockUpdateStatus.Applied), (refused.Status, retried.Status));
        Assert.Equal(2, item.Levels.OnHand);
        Assert.Equal("count-1", Assert.Single(item.AdjustedThisTurn).Id);
    }

    [Fact]
    public void An_adjustment_id_must_be_1_to_100_characters_and_not_blank()
    {
        foreach (var id in new[] { "", " ", new string('x', AdjustStock.AdjustmentIdMaxLength + 1) })
        {
            Assert.Throws<ArgumentException>(() => Stocked(10).Adjust(Adjustment(1, id), null, Now));
        }

        Assert.Equal(StockUpdateStatus.Applied, Stocked(10).Adjust(Adjustment(1, new string('x', AdjustStock.AdjustmentIdMaxLength)), null, Now).Status);
    }

    [Fact]
    public void Every_change_queues_one_event_with_the_next_version_the_new_levels_and_the_availability_before()
    {
        var item = Stocked(10);
        item.Reserve(Request("r1", 4), null, Now);
        item.Commit("r1", null, Now);
        item.SetOnHand(6, Now);
        item.Adjust(Adjustment(5), null, Now);

        Assert.Equal(
            [new StockChanged(Sku, 10, 4, 6, 10, 1, Now), new StockChanged(Sku, 6, 0, 6, 6, 2, Now), new StockChanged(Sku, 11, 0, 11, 6, 3, Now)],
            item.PendingEvents);
        Assert.Equal(3, item.Version);
    }

    [Fact]
    public void A_loaded_item_has_no_change_to_save_until_something_changes()
    {
        var stored = Stocked(10);
        stored.Reserve(Request("r1", 1), null, Now);
        stored.ExpiryReminderDueAt = Now.AddMinutes(10);

        Assert.False(new StockItem(Sku, stored.ToState()).Changed);
    }

    [Fact]
    public void Published_events_leave_the_outbox_and_the_rest_survive_a_reload()
    {
        var item = Stocked(10);
        item.Reserve(Request("r1", 1), null, Now);
        item.Reserve(Request("r2", 1), null, Now);

        item.DropPublishedThrough(1);
        var reloaded = new StockItem(Sku, item.ToState());

        Assert.Equal(2, Assert.Single(reloaded.PendingEvents).Version);
        Assert.Equal(item.Snapshot(), reloaded.Snapshot(), SnapshotComparer.Instance);
    }

    /// <summary>
    /// Thousands of random operations (reserve, commit, release, expire, set, adjust, retried ids) against a simple model:
    /// the levels always satisfy the invariant (<see cref="StockLevels"/> would throw), reserved is the sum of the open
    /// reservations, and on-hand plus committed is the stock ever put in.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_sequences_never_oversell_and_keep_the_books_balanced(int seed)
    {
        var random = new Random(seed);
        var item = Stocked(20);
        long stockPutIn = 20;
        var clock = Now;

        for (var step = 0; step < 5_000; step++)
        {
            clock = clock.AddSeconds(random.Next(0, 3));
            item.ExpireDue(clock);
            // Mostly recent ids, so commits, releases and retries meet reservations that are still open.
            var id = $"r{Math.Max(0, step - random.Next(0, 15))}";
            var finished = item.FinishedThisTurn.LastOrDefault(reservation => reservation.Id == id);
            var before = item.Levels.OnHand;
            switch (random.Next(0, 6))
            {
                case 0 or 1:
                    item.Reserve(Request(id, random.Next(1, 8), ttlSeconds: random.Next(1, 40)), finished, clock);
                    break;
                case 2:
                    item.Commit(id, finished, clock);
                    break;
                case 3:
                    item.Release(id, finished, clock);
                    break;
                case 4:
                    if (item.SetOnHand(random.Next(0, 30), clock).Status == StockUpdateStatus.Applied) stockPutIn += item.Levels.OnHand - before;
                    break;
                default:
                    var adjustmentId = random.Next(0, 2) == 0 ? null : $"a{random.Next(0, 20)}";
                    var applied = item.AdjustedThisTurn.LastOrDefault(adjustment => adjustment.Id == adjustmentId);
                    if (item.Adjust(Adjustment(random.Next(-10, 11), adjustmentId), applied, clock).Status == StockUpdateStatus.Applied) stockPutIn += item.Levels.OnHand - before;
                    break;
            }

            var snapshot = item.Snapshot();
            Assert.InRange(snapshot.Available, 0, snapshot.OnHand);
            Assert.Equal(snapshot.Reservations.Sum(reservation => reservation.Quantity), snapshot.Reserved);
            Assert.Equal(stockPutIn, (long)snapshot.OnHand + snapshot.Committed);
            Assert.DoesNotContain(snapshot.Reservations, open => item.FinishedThisTurn.Any(done => done.Id == open.ReservationId));
        }

        Assert.Contains(item.FinishedThisTurn, reservation => reservation.Status == ReservationStatus.Committed);
        Assert.Contains(item.FinishedThisTurn, reservation => reservation.Status == ReservationStatus.Expired);
        Assert.Equal(item.AdjustedThisTurn.Count, item.AdjustedThisTurn.DistinctBy(adjustment => adjustment.Id).Count());
    }

    private sealed class SnapshotComparer : IEqualityComparer<StockLevelsSnapshot>
    {
        public static readonly SnapshotComparer Instance = new();

        public bool Equals(StockLevelsSnapshot? x, StockLevelsSnapshot? y) =>
            x is not null && y is not null && x with { Reservations = [] } == y with { Reservations = [] } && x.Reservations.SequenceEqual(y.Reservations);

        public int GetHashCode(StockLevelsSnapshot obj) => obj.Sku.GetHashCode();
    }
}
