namespace DaprShop.Contracts.Catalog;

/// <summary>
/// Published by catalog on <see cref="Topics.ProductArchived"/> once a product is archived: it leaves browse and search,
/// and its <paramref name="Skus"/> can no longer be added to a cart.
/// </summary>
public sealed record ProductArchived(Guid ProductId, IReadOnlyList<string> Skus, long Version, DateTimeOffset ArchivedAt);
