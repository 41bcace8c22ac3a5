namespace DaprShop.Catalog.Search;

public enum ProductSort
{
    /// <summary>Best text match first; the default when the query has text.</summary>
    Relevance,
    PriceAscending,
    PriceDescending,
    Newest,
    /// <summary>Alphabetical, accents ignored; the default without text.</summary>
    Name,
}

/// <summary>The names of <see cref="ProductSort"/> in the <c>sort</c> query parameter.</summary>
public static class ProductSortNames
{
    private static readonly Dictionary<string, ProductSort> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = ProductSort.Relevance,
        ["price-asc"] = ProductSort.PriceAscending,
        ["price-desc"] = ProductSort.PriceDescending,
        ["newest"] = ProductSort.Newest,
        ["name"] = ProductSort.Name,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static bool TryParse(string? name, out ProductSort sort) => ByName.TryGetValue(name ?? "", out sort);
}
