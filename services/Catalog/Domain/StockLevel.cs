namespace DaprShop.Catalog.Domain;

/// <summary>
/// What catalog knows of one SKU's stock (state key <c>stock-level:{sku}</c>), from inventory's stock-changed events.
/// </summary>
/// <param name="Version">Inventory's version of the SKU; a seeded level is 0, so inventory's first change replaces it.</param>
public sealed record StockLevel(int Available, long Version)
{
    /// <summary>True when <paramref name="other"/> is news: a later version than this one.</summary>
    public bool IsOlderThan(StockLevel other) => other.Version > Version;
}
