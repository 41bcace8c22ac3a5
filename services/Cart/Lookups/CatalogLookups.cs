using DaprShop.Contracts;
using DaprShop.Contracts.Catalog;
using DaprShop.Contracts.Inventory;

namespace DaprShop.Cart.Lookups;

/// <summary>The catalogue and stock facts a cart needs about a SKU, from catalog and inventory's public APIs.</summary>
public sealed class CatalogLookups(ServiceLookup lookup)
{
    public Task<Lookup<CatalogVariant>> FindVariantAsync(string sku, CancellationToken cancellationToken) =>
        lookup.GetAsync<CatalogVariant>(AppIds.Catalog, $"variants/{Uri.EscapeDataString(sku)}", cancellationToken);

    public Task<Lookup<StockAvailability>> FindStockAsync(string sku, CancellationToken cancellationToken) =>
        lookup.GetAsync<StockAvailability>(AppIds.Inventory, $"items/{Uri.EscapeDataString(sku)}", cancellationToken);
}
