using DaprShop.Contracts.Inventory;

namespace DaprShop.Inventory.Domain;

/// <summary>
/// What the SKU actor stores under <see cref="StateKey"/>: levels, version, the open reservations, the
/// <see cref="StockChanged"/> events saved but not yet published (the outbox), and when the expiry reminder is due.
/// Finished reservations and applied adjustments with an id are stored apart, one key each
/// (<see cref="FinishedReservationKey"/>, <see cref="AppliedAdjustmentKey"/>), so this stays as small as the open
/// reservations however many orders a SKU has seen.
/// </summary>
public sealed record StockItemState(
    StockLevels Levels,
    long Version,
    Dictionary<string, Reservation> Open,
    List<StockChanged> PendingEvents,
    DateTimeOffset? ExpiryReminderDueAt)
{
    public const string StateKey = "stock";

    public static StockItemState Initial(int onHand) => new(new StockLevels(onHand, 0, 0), 0, [], [], null);

    public static string FinishedReservationKey(string reservationId) => $"reservation:{reservationId}";

    public static string AppliedAdjustmentKey(string adjustmentId) => $"adjustment:{adjustmentId}";
}
