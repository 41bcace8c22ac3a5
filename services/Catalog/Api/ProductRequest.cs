using DaprShop.Catalog.Domain;

namespace DaprShop.Catalog.Api;

/// <summary>
/// Body of <c>POST /products</c> and <c>PUT /products/{id}</c> (a full replacement); <see cref="ProductRequestValidator"/>
/// guards every field, nulls included. Tags, attributes, image URLs and options may be left out.
/// </summary>
/// <param name="Category">The slug of an existing category (<c>GET /categories</c>).</param>
public sealed record ProductRequest(
    string Name,
    string? Description,
    string Category,
    string Brand,
    IReadOnlyList<string>? Tags,
    IReadOnlyDictionary<string, string>? Attributes,
    IReadOnlyList<string>? ImageUrls,
    IReadOnlyList<VariantRequest> Variants)
{
    public ProductContent ToContent() => new(
        Name.Trim(),
        Description?.Trim() ?? "",
        Category,
        Brand.Trim(),
        [.. (Tags ?? []).Select(tag => tag.Trim())],
        Attributes ?? new Dictionary<string, string>(),
        ImageUrls ?? [],
        [.. Variants.Select(variant => new ProductVariant(variant.Sku, variant.Options ?? new Dictionary<string, string>(), variant.Price))]);
}
