namespace DaprShop.Catalog.Persistence;

/// <summary>Every key catalog writes to its state store.</summary>
internal static class StateKeys
{
    /// <summary>The ids of every product ever created, archived ones included: the state store has no query API to list them.</summary>
    public const string ProductIds = "product-ids";

    /// <summary>Present once the seed catalogue was written completely.</summary>
    public const string SeedCompleted = "catalog-seed:completed";

    public static string Product(Guid id) => $"product:{id}";

    /// <summary>The product that owns a SKU; written first-write, so two products can never claim the same SKU.</summary>
    public static string ProductBySku(string sku) => $"product-by-sku:{sku}";

    public static string StockLevel(string sku) => $"stock-level:{sku}";
}
