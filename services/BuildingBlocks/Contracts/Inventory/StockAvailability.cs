namespace DaprShop.Contracts.Inventory;

/// <summary>Public availability of one SKU: <c>GET /items/{sku}</c> on inventory. Zero for a SKU never stocked.</summary>
public sealed record StockAvailability(string Sku, int Available);
