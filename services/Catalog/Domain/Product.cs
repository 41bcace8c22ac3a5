using DaprShop.Contracts;

namespace DaprShop.Catalog.Domain;

/// <summary>A product as catalog stores it (state key <c>product:{id}</c>).</summary>
/// <param name="Version">1 when created, one more with every change; lets event subscribers and the search index skip stale news.</param>
public sealed record Product(
    Guid Id,
    ProductContent Content,
    ProductStatus Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static Product Create(Guid id, ProductContent content, DateTimeOffset now) =>
        new(id, content, ProductStatus.Active, 1, now, now);

    public bool IsArchived => Status == ProductStatus.Archived;

    public IEnumerable<string> Skus => Content.Variants.Select(variant => variant.Sku);

    /// <summary>The "from" price: what browse shows, and what price filters, buckets and sorting use.</summary>
    public Money LowestPrice => Content.Variants.MinBy(variant => variant.Price.Amount)!.Price;

    /// <exception cref="InvalidOperationException">The product is archived: archived products are read-only.</exception>
    public Product Update(ProductContent content, DateTimeOffset now) =>
        IsArchived
            ? throw new InvalidOperationException($"Product {Id} is archived and can no longer be changed.")
            : this with { Content = content, Version = Version + 1, UpdatedAt = now };

    /// <summary>Archiving an archived product changes nothing (a repeated DELETE is harmless).</summary>
    public Product Archive(DateTimeOffset now) =>
        IsArchived ? this : this with { Status = ProductStatus.Archived, Version = Version + 1, UpdatedAt = now };
}
