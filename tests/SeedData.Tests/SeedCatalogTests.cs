using DaprShop.Contracts;
using DaprShop.SeedData;

namespace DaprShop.SeedData.Tests;

public sealed class SeedCatalogTests
{
    [Fact]
    public void The_seed_has_over_a_thousand_products_with_unique_ids_names_and_well_formed_unique_skus()
    {
        var products = SeedCatalog.Products;
        var skus = products.SelectMany(p => p.Variants).Select(v => v.Sku).ToList();

        Assert.True(products.Count >= 1_000, $"{products.Count} products");
        Assert.Equal(products.Count, products.Select(p => p.Id).Distinct().Count());
        Assert.Equal(products.Count, products.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(products.Count, products.Select(p => p.Name).Distinct().Count());
        Assert.Equal(skus.Count, skus.Distinct().Count());
        Assert.All(skus, sku => Assert.True(Sku.IsWellFormed(sku), sku));
    }

    [Fact]
    public void Every_product_sits_in_a_leaf_category_of_a_tree_whose_parents_exist()
    {
        var categories = SeedCatalog.Categories.ToDictionary(c => c.Slug);
        var parents = categories.Values.Select(c => c.ParentSlug).OfType<string>().ToHashSet();

        Assert.All(categories.Values, c => Assert.True(c.ParentSlug is null || categories.ContainsKey(c.ParentSlug), c.Slug));
        Assert.All(SeedCatalog.Products, p => Assert.True(categories.ContainsKey(p.CategorySlug) && !parents.Contains(p.CategorySlug), p.CategorySlug));
    }

    [Fact]
    public void Prices_are_positive_euro_amounts_and_stock_is_never_negative_with_some_skus_sold_out()
    {
        var variants = SeedCatalog.Products.SelectMany(p => p.Variants).ToList();

        Assert.All(variants, v => Assert.True(v.Price is { Amount: > 0, Currency: "EUR" }, v.Sku));
        Assert.All(variants, v => Assert.True(v.InitialOnHand >= 0, v.Sku));
        Assert.Contains(variants, v => v.InitialOnHand == 0);
        Assert.Contains(variants, v => v.InitialOnHand > 0);
    }

    /// <summary>Installations seeded by an earlier build must keep matching ids and SKUs, so the seed may never drift.</summary>
    [Fact]
    public void The_seed_is_the_same_on_every_run()
    {
        var first = SeedCatalog.Products[0];

        Assert.Equal(Guid.Parse("339fbe38-802f-819b-9c38-d254351149f6"), first.Id);
        Assert.Equal("Harbour & Pine Vintage Crew tee", first.Name);
        Assert.Equal(["TS-001-XS", "TS-001-S", "TS-001-M", "TS-001-XL", "TS-001-XXL"], first.Variants.Select(v => v.Sku));
        Assert.Equal(1140, SeedCatalog.Products.Count);
        Assert.Equal(3148, SeedCatalog.Products.Sum(p => p.Variants.Count));
    }

    [Fact]
    public void Seed_stock_answers_for_seeded_skus_only()
    {
        var variant = SeedCatalog.Products[0].Variants[0];

        Assert.Equal(variant.InitialOnHand, SeedStock.InitialOnHand(variant.Sku));
        Assert.Null(SeedStock.InitialOnHand("NOT-A-SEED-SKU"));
    }
}
