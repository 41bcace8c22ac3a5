namespace DaprShop.Contracts.Inventory;

/// <summary>Argument of <see cref="IStockItemActor.Adjust"/> (and, with the admin's Idempotency-Key as id, of <c>POST /items/{sku}/adjust</c>).</summary>
/// <param name="Reason">Why, for the log: "goods received", "damaged", "stock count".</param>
/// <param name="AdjustmentId">
/// Chosen by the caller and stable across retries (ordering restocks with <c>{orderId}:{sku}:restock</c>), at most
/// <see cref="AdjustmentIdMaxLength"/> characters: an id already applied to this SKU is answered without adjusting
/// again. Without one, every call adjusts.
/// </param>
public sealed record AdjustStock(int Delta, string Reason, string? AdjustmentId = null)
{
    public const int ReasonMaxLength = 200;
    public const int AdjustmentIdMaxLength = 100;
}
