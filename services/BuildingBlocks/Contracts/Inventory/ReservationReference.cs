namespace DaprShop.Contracts.Inventory;

/// <summary>Argument of <see cref="IStockItemActor.Commit"/> and <see cref="IStockItemActor.Release"/>.</summary>
public sealed record ReservationReference(string ReservationId);
