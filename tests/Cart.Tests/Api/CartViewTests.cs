using DaprShop.Cart.Api;
using DaprShop.Cart.Domain;
using DaprShop.Cart.Lookups;
using DaprShop.Contracts;
using DaprShop.Contracts.Catalog;

namespace DaprShop.Cart.Tests.Api;

public sealed class CartViewTests
{
    private static CartLine Line(string sku, int quantity, long price, string currency = "EUR") =>
        new(sku, $"Product {sku}", new Dictionary<string, string>(), quantity, new Money(price, currency));

    private static Lookup<CatalogVariant> Catalogue(string sku, long price, string currency = "EUR", bool archived = false) =>
        Lookup<CatalogVariant>.Found(new CatalogVariant(sku, Guid.CreateVersion7(), $"Product {sku}", new Dictionary<string, string>(), new Money(price, currency), archived));

    [Fact]
    public void A_line_whose_catalogue_price_moved_is_flagged_and_totalled_at_the_current_price()
    {
        var view = CartView.Create([Line("SHIRT-M", 3, 1000), Line("HAT-L", 1, 500)], [Catalogue("SHIRT-M", 1200), Catalogue("HAT-L", 500)]);

        var shirt = view.Lines[0];
        Assert.True(shirt.PriceChanged);
        Assert.Equal(new Money(1000, "EUR"), shirt.UnitPrice);
        Assert.Equal(new Money(1200, "EUR"), shirt.CurrentPrice);
        Assert.Equal(new Money(3600, "EUR"), shirt.LineTotal);
        Assert.False(view.Lines[1].PriceChanged);
        Assert.Equal([new Money(4100, "EUR")], view.Subtotals);
        Assert.Equal(4, view.ItemCount);
    }

    [Fact]
    public void Without_a_catalogue_answer_a_line_keeps_its_snapshot_and_is_not_flagged()
    {
        var view = CartView.Create(
            [Line("GONE-1", 2, 700), Line("DOWN-1", 1, 300)],
            [Lookup<CatalogVariant>.NotFound, Lookup<CatalogVariant>.Unavailable]);

        Assert.All(view.Lines, line => Assert.False(line.PriceChanged));
        Assert.All(view.Lines, line => Assert.Null(line.CurrentPrice));
        Assert.Equal([new Money(1700, "EUR")], view.Subtotals);
    }

    [Fact]
    public void Subtotals_are_per_currency_and_archived_lines_are_marked()
    {
        var view = CartView.Create([Line("SHIRT-M", 1, 1000), Line("HAT-L", 2, 500)], [Catalogue("SHIRT-M", 1100, "USD"), Catalogue("HAT-L", 500, archived: true)]);

        Assert.True(view.Lines[0].PriceChanged);
        Assert.True(view.Lines[1].Archived);
        Assert.Equal([new Money(1100, "USD"), new Money(1000, "EUR")], view.Subtotals);
    }

    [Fact]
    public void An_empty_cart_has_no_lines_subtotals_or_items()
    {
        var view = CartView.Create([], []);

        Assert.Equal((0, 0, 0), (view.Lines.Count, view.Subtotals.Count, view.ItemCount));
    }
}
