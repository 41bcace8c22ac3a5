using System.Diagnostics;
using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Search;
using DaprShop.SeedData;
using Xunit.Abstractions;

namespace DaprShop.Catalog.Tests.Search;

/// <summary>The index over the real seed catalogue. Prints search times for information; asserts only results.</summary>
public sealed class SeedCatalogueSearchTests(ITestOutputHelper output)
{
    private static readonly CategoryTree Tree = new(SeedCatalog.Categories.Select(category => new Category(category.Slug, category.Name, category.ParentSlug)));

    private static ProductSearchIndex BuildIndex()
    {
        var index = new ProductSearchIndex(Tree);
        index.Build(
            SeedCatalog.Products.Select(seed => Product.Create(
                seed.Id,
                new ProductContent(seed.Name, seed.Description, seed.CategorySlug, seed.Brand, seed.Tags, seed.Attributes, seed.ImageUrls,
                    [.. seed.Variants.Select(variant => new ProductVariant(variant.Sku, variant.Options, variant.Price))]),
                seed.CreatedAt)),
            SeedCatalog.Products.SelectMany(seed => seed.Variants).Select(variant => KeyValuePair.Create(variant.Sku, new StockLevel(variant.InitialOnHand, 0))));
        return index;
    }

    [Fact]
    public void Every_seeded_product_is_found_by_a_prefix_of_its_name_without_accents()
    {
        var index = BuildIndex();

        Assert.True(SeedCatalog.Products.Count >= 1_000);
        Assert.Equal(SeedCatalog.Products.Count, index.Search(new SearchQuery(PageSize: 1)).Total);
        foreach (var seed in SeedCatalog.Products.Where((_, position) => position % 50 == 0))
        {
            var firstWord = TextFolding.Tokens(seed.Name).First();
            var prefix = firstWord[..Math.Max(1, firstWord.Length - 1)];
            var result = index.Search(new SearchQuery($"{string.Join(' ', TextFolding.Tokens(seed.Name).Skip(1))} {prefix}", PageSize: 100));
            Assert.Contains(seed.Id, result.Items.Select(item => item.Id));
        }
    }

    [Fact]
    public void Searching_a_thousand_products_reports_its_timing()
    {
        var index = BuildIndex();
        SearchQuery[] queries =
        [
            new(),
            new("cot"),
            new("cafe"),
            new(Category: SeedCatalog.Categories[0].Slug, Sort: ProductSort.PriceAscending),
            new(InStock: true, MinPrice: 1_000, MaxPrice: 10_000, Sort: ProductSort.Newest, Page: 2),
        ];
        foreach (var query in queries) index.Search(query); // warm-up

        const int Rounds = 200;
        var timer = Stopwatch.StartNew();
        var total = 0;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var query in queries) total += index.Search(query).Total;
        }
        timer.Stop();

        Assert.True(total > 0);
        output.WriteLine($"{SeedCatalog.Products.Count} products: {timer.Elapsed.TotalMilliseconds / (Rounds * queries.Length):F3} ms per search (mean of {Rounds * queries.Length}, facets included)");
    }
}
