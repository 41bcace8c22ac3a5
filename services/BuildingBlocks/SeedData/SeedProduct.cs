using DaprShop.Contracts;

namespace DaprShop.SeedData;

/// <summary>A seeded product. Its id is derived from its slug, so every run seeds the same ids.</summary>
public sealed record SeedProduct(
    Guid Id,
    string Slug,
    string Name,
    string Description,
    string CategorySlug,
    string Brand,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> ImageUrls,
    IReadOnlyList<SeedVariant> Variants,
    DateTimeOffset CreatedAt);

/// <summary>A seeded variant with its starting stock, which inventory gives the SKU on first use.</summary>
public sealed record SeedVariant(string Sku, IReadOnlyDictionary<string, string> Options, Money Price, int InitialOnHand);
