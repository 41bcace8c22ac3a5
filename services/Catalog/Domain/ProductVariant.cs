using DaprShop.Contracts;

namespace DaprShop.Catalog.Domain;

/// <summary>One sellable form of a product, e.g. the red T-shirt in size M, with its own SKU and price.</summary>
/// <param name="Options">What sets it apart from its siblings, e.g. <c>size: M</c>, <c>colour: red</c>.</param>
public sealed record ProductVariant(string Sku, IReadOnlyDictionary<string, string> Options, Money Price);
