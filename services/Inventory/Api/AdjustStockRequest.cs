namespace DaprShop.Inventory.Api;

/// <summary>Body of the admin <c>POST /items/{sku}/adjust</c>: a signed change of on-hand and why.</summary>
public sealed record AdjustStockRequest(int? Delta, string? Reason);
