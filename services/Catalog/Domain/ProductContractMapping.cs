using DaprShop.Contracts.Catalog;

namespace DaprShop.Catalog.Domain;

/// <summary>Products as other services see them (Contracts).</summary>
public static class ProductContractMapping
{
    public static CatalogVariant ToCatalogVariant(this Product product, ProductVariant variant) =>
        new(variant.Sku, product.Id, product.Content.Name, variant.Options, variant.Price, product.IsArchived);

    public static IReadOnlyList<CatalogVariant> ToCatalogVariants(this Product product) =>
        [.. product.Content.Variants.Select(variant => product.ToCatalogVariant(variant))];
}
