namespace DaprShop.Inventory.Api;

/// <summary>Body of the admin <c>PUT /items/{sku}</c>. Nullable so a missing field is refused rather than read as 0.</summary>
public sealed record SetStockRequest(int? OnHand);
