namespace DaprShop.Contracts.Inventory;

/// <summary>Argument of <see cref="IStockItemActor.Reserve"/>: hold <paramref name="Quantity"/> units for <paramref name="TtlSeconds"/> seconds.</summary>
/// <param name="ReservationId">Chosen by the caller and stable across retries, e.g. <c>{orderId}:{sku}</c>; at most <see cref="ReservationIdMaxLength"/> characters.</param>
public sealed record ReserveStock(string ReservationId, int Quantity, int TtlSeconds)
{
    public const int ReservationIdMaxLength = 128;
    public const int MaxQuantity = 10_000;
    public const int MaxTtlSeconds = 24 * 60 * 60;
}
