using DaprShop.Contracts.Catalog;

namespace DaprShop.Contracts;

/// <summary>Published by catalog on <see cref="Topics.ProductCreated"/> once a new product is stored.</summary>
/// <param name="Variants">Every sellable variant with its price, so subscribers need not call back for them.</param>
/// <param name="Version">The product's version (1 for a new product); grows by one with every change.</param>
public sealed record ProductCreated(
    Guid ProductId, string Name, string Brand, IReadOnlyList<CatalogVariant> Variants, long Version, DateTimeOffset CreatedAt);
