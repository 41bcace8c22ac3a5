using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Search;
using DaprShop.Contracts;

namespace DaprShop.Catalog.Api;

/// <summary>One product with its variants and their availability: <c>GET /products/{id}</c>, and the answer of admin writes.</summary>
public sealed record ProductDetails(
    Guid Id,
    string Name,
    string Description,
    string Category,
    string Brand,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> ImageUrls,
    IReadOnlyList<VariantDetails> Variants,
    bool InStock,
    ProductStatus Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ProductDetails Of(Product product, ProductSearchIndex stock)
    {
        var content = product.Content;
        VariantDetails[] variants = [.. content.Variants.Select(variant => new VariantDetails(variant.Sku, variant.Options, variant.Price, stock.AvailableOf(variant.Sku)))];
        return new ProductDetails(
            product.Id, content.Name, content.Description, content.CategorySlug, content.Brand, content.Tags, content.Attributes, content.ImageUrls,
            variants, variants.Any(variant => variant.Available > 0), product.Status, product.Version, product.CreatedAt, product.UpdatedAt);
    }
}

/// <param name="Available">Units inventory last reported as available to sell.</param>
public sealed record VariantDetails(string Sku, IReadOnlyDictionary<string, string> Options, Money Price, int Available);
