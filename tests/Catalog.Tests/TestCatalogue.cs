using DaprShop.Catalog.Domain;
using DaprShop.Contracts;

namespace DaprShop.Catalog.Tests;

/// <summary>A small category tree and a product builder for unit tests.</summary>
internal static class TestCatalogue
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static CategoryTree Categories { get; } = new(
    [
        new Category("clothing", "Clothing", null),
        new Category("shirts", "Shirts", "clothing"),
        new Category("t-shirts", "T-shirts", "shirts"),
        new Category("shoes", "Shoes", "clothing"),
        new Category("home", "Home", null),
        new Category("kitchen", "Kitchen", "home"),
    ]);

    public static ProductContent Content(
        string name = "Plain shirt", string category = "shirts", string brand = "Acme", string description = "", string[]? tags = null,
        Dictionary<string, string>? attributes = null, params ProductVariant[] variants) =>
        new(name, description, category, brand, tags ?? [], attributes ?? [], [], variants.Length > 0 ? variants : [Variant("SKU-" + Math.Abs(name.GetHashCode()), 1000)]);

    public static ProductVariant Variant(string sku, long amount, string? colour = null) =>
        new(sku, colour is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["colour"] = colour }, new Money(amount, "EUR"));

    public static Product Product(ProductContent content, int ageInDays = 0) =>
        Catalog.Domain.Product.Create(Guid.CreateVersion7(), content, Epoch.AddDays(ageInDays));
}
