namespace DaprShop.Contracts.Inventory;

/// <summary>
/// Published by inventory on <see cref="Topics.StockChanged"/> after a SKU's new levels are saved.
/// <paramref name="Version"/> grows by one with every change of the SKU, so a subscriber can ignore a late, older event.
/// </summary>
public sealed record StockChanged(string Sku, int OnHand, int Reserved, int Available, long Version, DateTimeOffset OccurredAt);
