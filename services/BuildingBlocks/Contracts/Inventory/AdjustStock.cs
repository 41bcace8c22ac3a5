namespace DaprShop.Contracts.Inventory;

/// <summary>Argument of <see cref="IStockItemActor.Adjust"/> (and body of the admin <c>POST /items/{sku}/adjust</c>).</summary>
/// <param name="Reason">Why, for the log: "goods received", "damaged", "stock count".</param>
public sealed record AdjustStock(int Delta, string Reason)
{
    public const int ReasonMaxLength = 200;
}
