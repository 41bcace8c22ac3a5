namespace DaprShop.Contracts.Inventory;

/// <summary>Argument of <see cref="IStockItemActor.SetOnHand"/> (and body of the admin <c>PUT /items/{sku}</c>).</summary>
public sealed record SetOnHand(int OnHand)
{
    public const int MaxOnHand = 1_000_000_000;
}
