namespace DaprShop.Contracts.Inventory;

/// <summary>
/// Published by inventory on <see cref="Topics.StockChanged"/> after a SKU's new levels are saved.
/// <paramref name="Version"/> grows by one with every change of the SKU, so a subscriber can ignore a late, older event.
/// </summary>
/// <param name="AvailableBefore">
/// <paramref name="Available"/> as of the SKU's previous change. Equal to it when on-hand and reserved moved together
/// (a committed reservation), so a subscriber that only shows availability can leave such events out (catalog's match).
/// </param>
public sealed record StockChanged(string Sku, int OnHand, int Reserved, int Available, int AvailableBefore, long Version, DateTimeOffset OccurredAt);
