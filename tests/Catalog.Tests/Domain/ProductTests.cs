using DaprShop.Catalog.Domain;

namespace DaprShop.Catalog.Tests.Domain;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Later = TestCatalogue.Epoch.AddHours(1);

    [Fact]
    public void A_new_product_is_active_at_version_one()
    {
        var product = TestCatalogue.Product(TestCatalogue.Content());

        Assert.Equal(ProductStatus.Active, product.Status);
        Assert.Equal(1, product.Version);
        Assert.Equal(product.CreatedAt, product.UpdatedAt);
    }

    [Fact]
    public void An_update_replaces_the_content_and_moves_the_version_on()
    {
        var product = TestCatalogue.Product(TestCatalogue.Content());

        var updated = product.Update(TestCatalogue.Content(name: "Better shirt"), Later);

        Assert.Equal("Better shirt", updated.Content.Name);
        Assert.Equal(2, updated.Version);
        Assert.Equal(Later, updated.UpdatedAt);
        Assert.Equal(product.CreatedAt, updated.CreatedAt);
    }

    [Fact]
    public void An_archived_product_cannot_be_updated()
    {
        var archived = TestCatalogue.Product(TestCatalogue.Content()).Archive(Later);

        Assert.Throws<InvalidOperationException>(() => archived.Update(TestCatalogue.Content(name: "Again"), Later));
    }

    [Fact]
    public void Archiving_twice_changes_nothing_the_second_time()
    {
        var archived = TestCatalogue.Product(TestCatalogue.Content()).Archive(Later);

        Assert.Same(archived, archived.Archive(Later.AddHours(1)));
        Assert.Equal(2, archived.Version);
    }

    [Fact]
    public void The_lowest_variant_price_is_the_product_price()
    {
        var product = TestCatalogue.Product(TestCatalogue.Content(variants: [TestCatalogue.Variant("A-1", 2500), TestCatalogue.Variant("A-2", 1500), TestCatalogue.Variant("A-3", 4000)]));

        Assert.Equal(1500, product.LowestPrice.Amount);
    }

    [Fact]
    public void A_category_is_within_itself_and_every_ancestor()
    {
        Assert.Equal(["t-shirts", "shirts", "clothing"], TestCatalogue.Categories.SelfAndAncestorsOf("t-shirts"));
        Assert.Equal(["shirts", "shoes"], TestCatalogue.Categories.ChildrenOf("clothing").Select(category => category.Slug));
    }

    [Fact]
    public void A_stock_level_is_news_only_with_a_later_version()
    {
        var held = new StockLevel(5, 3);

        Assert.True(held.IsOlderThan(new StockLevel(0, 4)));
        Assert.False(held.IsOlderThan(new StockLevel(9, 3)));
        Assert.False(held.IsOlderThan(new StockLevel(9, 2)));
    }
}
