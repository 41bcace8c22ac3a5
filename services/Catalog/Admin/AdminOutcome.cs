using DaprShop.Catalog.Domain;

namespace DaprShop.Catalog.Admin;

internal enum AdminOutcomeKind
{
    Done,
    NotFound,

    /// <summary>An update of an archived product: archived products are read-only.</summary>
    Archived,

    /// <summary>SKUs that other products already use.</summary>
    SkusTaken,
}

/// <summary>What an admin write came to; <see cref="Product"/> is the product as saved when <see cref="Kind"/> is Done.</summary>
internal sealed record AdminOutcome(AdminOutcomeKind Kind, Product? Product = null, IReadOnlyList<string>? TakenSkus = null)
{
    public static readonly AdminOutcome NotFound = new(AdminOutcomeKind.NotFound);
    public static readonly AdminOutcome Archived = new(AdminOutcomeKind.Archived);

    public static AdminOutcome Done(Product product) => new(AdminOutcomeKind.Done, product);

    public static AdminOutcome SkusTaken(IReadOnlyList<string> skus) => new(AdminOutcomeKind.SkusTaken, TakenSkus: skus);
}
