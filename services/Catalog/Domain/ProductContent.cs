namespace DaprShop.Catalog.Domain;

/// <summary>Everything about a product an admin writes (create and full update alike); ids, status and versions are the catalogue's.</summary>
public sealed record ProductContent(
    string Name,
    string Description,
    string CategorySlug,
    string Brand,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> ImageUrls,
    IReadOnlyList<ProductVariant> Variants);
