using DaprShop.Contracts;

namespace DaprShop.Notification.Email;

/// <summary>The catalog-update message announcing a new product.</summary>
internal static class CatalogUpdateEmail
{
    /// <summary>Named after the product id only (a Guid), so user-entered text never reaches a file path.</summary>
    public static string FileNameFor(ProductCreated product) => $"product-created-{product.ProductId}.txt";

    public static string TextFor(ProductCreated product) =>
        $"""
        Catalog update: new product "{product.Name}" by {product.Brand}

        {string.Join(Environment.NewLine, product.Variants.Select(variant => $"SKU {variant.Sku}: {variant.Price.Amount} {variant.Price.Currency} minor units"))}
        Product id: {product.ProductId}
        Created at: {product.CreatedAt:O}
        """;
}
