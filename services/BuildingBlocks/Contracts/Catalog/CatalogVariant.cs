namespace DaprShop.Contracts.Catalog;

/// <summary>
/// One sellable variant as catalog describes it to other services: <c>GET /variants/{sku}</c> on catalog (public).
/// Cart validates lines and snapshots prices with it.
/// </summary>
/// <param name="Options">The variant's options, e.g. <c>size: M</c>, <c>colour: red</c>.</param>
/// <param name="Archived">The product was archived: it can no longer be added to a cart.</param>
public sealed record CatalogVariant(
    string Sku, Guid ProductId, string ProductName, IReadOnlyDictionary<string, string> Options, Money Price, bool Archived);
