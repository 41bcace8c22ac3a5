using DaprShop.Contracts;

namespace DaprShop.Catalog.Search;

/// <summary>A product as browse and search list it.</summary>
/// <param name="Price">The lowest price of its variants ("from").</param>
/// <param name="ImageUrl">The first image, if any.</param>
public sealed record ProductSummary(Guid Id, string Name, string Brand, string Category, Money Price, string? ImageUrl, bool InStock);
