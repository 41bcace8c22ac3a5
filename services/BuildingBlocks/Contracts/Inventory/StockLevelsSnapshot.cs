namespace DaprShop.Contracts.Inventory;

/// <summary>
/// A SKU's levels (admin <c>GET /items/{sku}/levels</c>): <paramref name="Available"/> = <paramref name="OnHand"/> −
/// <paramref name="Reserved"/>; <paramref name="Committed"/> counts the units sold so far; <paramref name="Version"/>
/// is the version of the last <see cref="StockChanged"/>.
/// </summary>
public sealed record StockLevelsSnapshot(
    string Sku, int OnHand, int Reserved, int Committed, int Available, long Version, IReadOnlyList<OpenReservation> Reservations);
