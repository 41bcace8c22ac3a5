using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Search;
using static DaprShop.Catalog.Tests.TestCatalogue;

namespace DaprShop.Catalog.Tests.Search;

public sealed class ProductSearchIndexTests
{
    private readonly Product _mug = Product(Content("Café Zürich mug", "kitchen", "Globex", "A stoneware mug for espresso.", ["coffee"],
        variants: [Variant("MUG-RED", 1200, "red"), Variant("MUG-BLUE", 1400, "blue")]), ageInDays: 3);
    private readonly Product _tee = Product(Content("Organic cotton T-shirt", "t-shirts", "Acme", "Soft and breathable.", ["organic"],
        new Dictionary<string, string> { ["material"] = "Cotton" }, Variant("TEE-RED-M", 1999, "red"), Variant("TEE-BLACK-M", 1999, "black")), ageInDays: 1);
    private readonly Product _boot = Product(Content("Hiking boot", "shoes", "Acme", "Waterproof leather boot for the trail.", ["outdoor"],
        new Dictionary<string, string> { ["material"] = "Leather" }, Variant("BOOT-42", 12900)), ageInDays: 2);
    private readonly Product _shirt = Product(Content("Linen shirt", "shirts", "Initech", "Cool linen for summer; pairs with a cotton scarf.", [],
        new Dictionary<string, string> { ["material"] = "Linen" }, Variant("LINEN-M", 4500, "blue")), ageInDays: 0);

    private readonly ProductSearchIndex _index = new(Categories);

    public ProductSearchIndexTests()
    {
        _index.Build([_mug, _tee, _boot, _shirt], [new("MUG-RED", new StockLevel(3, 1)), new("TEE-BLACK-M", new StockLevel(0, 1)), new("BOOT-42", new StockLevel(1, 1))]);
    }

    private IReadOnlyList<Guid> Ids(SearchQuery query) => [.. _index.Search(query).Items.Select(item => item.Id)];

    [Theory]
    [InlineData("cafe zurich")]
    [InlineData("CAFÉ")]
    [InlineData("Zurich")]
    [InlineData("züRICH MUG")]
    public void Text_ignores_case_and_diacritics(string text) =>
        Assert.Equal([_mug.Id], Ids(new SearchQuery(text)));

    [Theory]
    [InlineData("zür")]
    [InlineData("hik bo")]
    [InlineData("espr")]
    public void Every_word_may_be_a_prefix(string text) =>
        Assert.Single(Ids(new SearchQuery(text)));

    [Fact]
    public void Every_word_must_match_somewhere()
    {
        Assert.Empty(Ids(new SearchQuery("mug boot")));
        Assert.Equal([_tee.Id], Ids(new SearchQuery("organic cotton")));
    }

    [Fact]
    public void Tags_brand_and_description_are_searched_too()
    {
        Assert.Equal([_mug.Id], Ids(new SearchQuery("coffee")));
        Assert.Equal([_shirt.Id], Ids(new SearchQuery("initech")));
        Assert.Equal([_boot.Id], Ids(new SearchQuery("waterproof")));
    }

    [Fact]
    public void A_name_match_ranks_above_a_description_match()
    {
        Assert.Equal([_tee.Id, _shirt.Id], Ids(new SearchQuery("cotton")));
    }

    [Fact]
    public void A_category_includes_its_descendants()
    {
        Assert.Equal([_shirt.Id, _tee.Id], Ids(new SearchQuery(Category: "shirts")));
        Assert.Equal([_boot.Id, _shirt.Id, _tee.Id], Ids(new SearchQuery(Category: "clothing")));
    }

    [Fact]
    public void The_price_range_is_inclusive_on_the_lowest_variant_price()
    {
        Assert.Equal([_mug.Id, _tee.Id], Ids(new SearchQuery(MinPrice: 1200, MaxPrice: 1999, Sort: ProductSort.PriceAscending)));
    }

    [Fact]
    public void Attribute_filters_match_attributes_and_variant_options_case_insensitively()
    {
        Assert.Equal([_boot.Id], Ids(new SearchQuery(Attributes: [new("Material", "leather")])));
        Assert.Equal([_mug.Id, _tee.Id], Ids(new SearchQuery(Attributes: [new("colour", "RED")], Sort: ProductSort.PriceAscending)));
        // Values of one key are alternatives; different keys must all hold.
        Assert.Equal([_mug.Id, _tee.Id, _shirt.Id], Ids(new SearchQuery(Attributes: [new("colour", "red"), new("colour", "blue")], Sort: ProductSort.PriceAscending)));
        Assert.Equal([_shirt.Id], Ids(new SearchQuery(Attributes: [new("colour", "blue"), new("material", "linen")])));
    }

    [Fact]
    public void In_stock_means_some_variant_is_available()
    {
        Assert.Equal([_mug.Id, _boot.Id], Ids(new SearchQuery(InStock: true)));
        Assert.Equal([_shirt.Id, _tee.Id], Ids(new SearchQuery(InStock: false)));
    }

    [Fact]
    public void Brands_are_alternatives()
    {
        Assert.Equal([_mug.Id, _shirt.Id], Ids(new SearchQuery(Brands: ["globex", "INITECH"], Sort: ProductSort.PriceAscending)));
    }

    [Fact]
    public void Each_facet_counts_over_every_filter_but_its_own()
    {
        var result = _index.Search(new SearchQuery(Category: "clothing", Brands: ["Acme"]));

        Assert.Equal(2, result.Total);
        // Brands: counted over clothing regardless of the brand filter, so Initech shows what choosing it would add.
        Assert.Equal([new FacetValue("Acme", 2), new FacetValue("Initech", 1)], result.Facets.Brands);
        // Categories: counted over Acme regardless of the category filter; a product counts in every ancestor.
        Assert.Equal(
            [new CategoryFacet("clothing", "Clothing", null, 2), new CategoryFacet("shirts", "Shirts", "clothing", 1), new CategoryFacet("t-shirts", "T-shirts", "shirts", 1), new CategoryFacet("shoes", "Shoes", "clothing", 1)],
            result.Facets.Categories);
        Assert.Equal([new FacetValue("Cotton", 1), new FacetValue("Leather", 1)], result.Facets.Attributes["material"]);
        Assert.Equal([1, 0, 0, 1, 0, 0], result.Facets.Prices.Select(bucket => bucket.Count));
    }

    [Fact]
    public void An_attribute_facet_ignores_its_own_filter_but_not_the_others()
    {
        var result = _index.Search(new SearchQuery(Attributes: [new("colour", "red"), new("material", "cotton")]));

        Assert.Equal([_tee.Id], result.Items.Select(item => item.Id));
        Assert.Equal([new FacetValue("black", 1), new FacetValue("red", 1)], result.Facets.Attributes["colour"]);
        Assert.Equal([new FacetValue("Cotton", 1)], result.Facets.Attributes["material"]);
    }

    [Fact]
    public void Price_buckets_cover_every_range_with_open_top()
    {
        var buckets = _index.Search(new SearchQuery()).Facets.Prices;

        Assert.Equal(0, buckets[0].Min);
        Assert.Null(buckets[^1].Max);
        Assert.All(buckets.Zip(buckets.Skip(1)), pair => Assert.Equal(pair.First.Max, pair.Second.Min));
        Assert.Equal(4, buckets.Sum(bucket => bucket.Count));
    }

    [Fact]
    public void Sorts_order_by_price_age_and_name()
    {
        Assert.Equal([_mug.Id, _tee.Id, _shirt.Id, _boot.Id], Ids(new SearchQuery(Sort: ProductSort.PriceAscending)));
        Assert.Equal([_boot.Id, _shirt.Id, _tee.Id, _mug.Id], Ids(new SearchQuery(Sort: ProductSort.PriceDescending)));
        Assert.Equal([_mug.Id, _boot.Id, _tee.Id, _shirt.Id], Ids(new SearchQuery(Sort: ProductSort.Newest)));
        // Name is the default without text; "Café" sorts as "cafe".
        Assert.Equal([_mug.Id, _boot.Id, _shirt.Id, _tee.Id], Ids(new SearchQuery()));
    }

    [Fact]
    public void Pages_split_the_sorted_results_without_overlap()
    {
        var first = _index.Search(new SearchQuery(Page: 1, PageSize: 3));
        var second = _index.Search(new SearchQuery(Page: 2, PageSize: 3));
        var beyond = _index.Search(new SearchQuery(Page: 3, PageSize: 3));

        Assert.Equal(4, first.Total);
        Assert.Equal(3, first.Items.Count);
        Assert.Equal([_tee.Id], second.Items.Select(item => item.Id));
        Assert.Empty(beyond.Items);
        Assert.Equal(4, beyond.Total);
    }

    [Fact]
    public void An_archived_product_leaves_search_and_a_stale_version_cannot_bring_it_back()
    {
        var archived = _boot.Archive(Epoch.AddDays(10));

        Assert.True(_index.Upsert(archived));
        Assert.False(_index.Upsert(_boot));

        Assert.Empty(Ids(new SearchQuery("boot")));
    }

    [Fact]
    public void An_update_is_searchable_at_once()
    {
        _index.Upsert(_shirt.Update(Content("Linen overshirt", "shirts", "Initech", variants: Variant("LINEN-M", 4500)), Epoch.AddDays(1)));

        Assert.Equal([_shirt.Id], Ids(new SearchQuery("overshirt")));
    }

    [Fact]
    public void Stock_news_applies_only_when_its_version_is_later()
    {
        Assert.True(_index.ApplyStock("TEE-RED-M", new StockLevel(4, 2)));
        Assert.False(_index.ApplyStock("TEE-RED-M", new StockLevel(0, 1)));

        Assert.Equal(4, _index.AvailableOf("TEE-RED-M"));
        Assert.True(_index.Search(new SearchQuery("organic")).Items.Single().InStock);
    }

    [Fact]
    public void A_summary_carries_the_lowest_price_and_first_image()
    {
        var summary = _index.Search(new SearchQuery("mug")).Items.Single();

        Assert.Equal(1200, summary.Price.Amount);
        Assert.Equal("kitchen", summary.Category);
        Assert.True(summary.InStock);
    }
}
