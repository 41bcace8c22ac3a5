namespace DaprShop.Contracts.Inventory;

/// <summary>
/// Argument of <see cref="IStockItemActor.Reserve"/>: hold <paramref name="Quantity"/> units for <paramref name="Ttl"/>
/// (JSON <c>{"reservationId":"…","quantity":1,"ttl":"00:15:00"}</c>).
/// </summary>
/// <param name="ReservationId">Chosen by the caller and stable across retries, e.g. <c>{orderId}:{sku}</c>; at most <see cref="ReservationIdMaxLength"/> characters.</param>
/// <param name="Ttl">From <see cref="MinTtl"/> to <see cref="MaxTtl"/>; the reservation expires this long after it is made.</param>
public sealed record ReserveStock(string ReservationId, int Quantity, TimeSpan Ttl)
{
    public const int ReservationIdMaxLength = 128;
    public const int MaxQuantity = 10_000;
    public static readonly TimeSpan MinTtl = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(1);
}
