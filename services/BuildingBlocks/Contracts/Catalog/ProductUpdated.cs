namespace DaprShop.Contracts.Catalog;

/// <summary>
/// Published by catalog on <see cref="Topics.ProductUpdated"/> once a changed product is stored. Carries the variants
/// as they are now (prices included); a subscriber ignores an event whose <paramref name="Version"/> is not newer than
/// the one it holds.
/// </summary>
public sealed record ProductUpdated(
    Guid ProductId, string Name, string Brand, IReadOnlyList<CatalogVariant> Variants, long Version, DateTimeOffset UpdatedAt);
