namespace DaprShop.SeedData;

/// <summary>
/// The demo catalogue the embedded default starts with: a category tree and over 1,000 products with variants, the
/// same on every machine and every run (catalog seeds products from it, inventory seeds stock).
/// </summary>
public static class SeedCatalog
{
    private static readonly Lazy<IReadOnlyList<SeedProduct>> LazyProducts = new(CatalogGenerator.Generate);

    public static IReadOnlyList<SeedCategory> Categories { get; } = SeedCategories.All;

    public static IReadOnlyList<SeedProduct> Products => LazyProducts.Value;
}
