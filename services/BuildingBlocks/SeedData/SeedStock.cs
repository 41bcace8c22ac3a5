namespace DaprShop.SeedData;

/// <summary>The starting stock of the seeded SKUs, for inventory to give a SKU the first time it is used.</summary>
public static class SeedStock
{
    private static readonly Lazy<IReadOnlyDictionary<string, int>> OnHandBySku = new(() =>
        SeedCatalog.Products.SelectMany(product => product.Variants).ToDictionary(variant => variant.Sku, variant => variant.InitialOnHand, StringComparer.Ordinal));

    /// <summary>The seeded on-hand quantity, or null when <paramref name="sku"/> is not a seeded SKU.</summary>
    public static int? InitialOnHand(string sku) => OnHandBySku.Value.TryGetValue(sku, out var onHand) ? onHand : null;
}
