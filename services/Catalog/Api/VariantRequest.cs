using DaprShop.Contracts;

namespace DaprShop.Catalog.Api;

/// <param name="Options">E.g. <c>{"size": "M", "colour": "red"}</c>; optional.</param>
public sealed record VariantRequest(string Sku, IReadOnlyDictionary<string, string>? Options, Money Price);
