using DaprShop.Cart.Domain;
using DaprShop.Contracts;
using DaprShop.Contracts.Catalog;

namespace DaprShop.Cart.Tests.Domain;

public sealed class ShoppingCartTests
{
    private static CatalogVariant Variant(string sku, long price = 1000, string currency = "EUR", bool archived = false) =>
        new(sku, Guid.CreateVersion7(), $"Product {sku}", new Dictionary<string, string> { ["colour"] = "red" }, new Money(price, currency), archived);

    private static CartLine Line(string sku, int quantity, long price = 1000, string currency = "EUR") =>
        new(sku, $"Product {sku}", new Dictionary<string, string>(), quantity, new Money(price, currency));

    [Fact]
    public void Adding_a_sku_twice_sums_the_quantities_in_one_line_priced_at_the_latest_catalogue_price()
    {
        var cart = new ShoppingCart();

        Assert.Null(cart.Add(Variant("SHIRT-M"), 2, available: 10));
        Assert.Null(cart.Add(Variant("SHIRT-M", price: 1200), 3, available: 10));

        var line = Assert.Single(cart.Lines);
        Assert.Equal(5, line.Quantity);
        Assert.Equal(new Money(1200, "EUR"), line.UnitPrice);
        Assert.Equal("red", line.Options["colour"]);
    }

    [Fact]
    public void A_line_holds_at_most_the_quantity_limit_and_a_refused_add_changes_nothing()
    {
        var cart = new ShoppingCart();
        cart.Add(Variant("SHIRT-M"), CartLimits.MaxQuantityPerLine - 1, available: 100);
        var revision = cart.Revision;

        var rejection = cart.Add(Variant("SHIRT-M"), 2, available: 100);

        Assert.Equal(CartRejectionReason.QuantityLimit, rejection?.Reason);
        Assert.Equal(CartLimits.MaxQuantityPerLine - 1, Assert.Single(cart.Lines).Quantity);
        Assert.Equal(revision, cart.Revision);
    }

    [Fact]
    public void A_cart_holds_at_most_the_line_limit_but_a_full_cart_still_takes_more_of_a_sku_it_has()
    {
        var cart = new ShoppingCart();
        for (var i = 0; i < CartLimits.MaxLines; i++) Assert.Null(cart.Add(Variant($"SKU-{i}"), 1, available: 5));

        Assert.Equal(CartRejectionReason.LineLimit, cart.Add(Variant("ONE-MORE"), 1, available: 5)?.Reason);
        Assert.Null(cart.Add(Variant("SKU-0"), 1, available: 5));
        Assert.Equal(CartLimits.MaxLines, cart.Lines.Count);
    }

    [Fact]
    public void Asking_for_more_than_is_available_is_refused_with_the_available_quantity()
    {
        var cart = new ShoppingCart();
        cart.Add(Variant("SHIRT-M"), 2, available: 3);

        var rejection = cart.Add(Variant("SHIRT-M"), 2, available: 3);

        Assert.Equal(CartRejectionReason.OutOfStock, rejection?.Reason);
        Assert.Equal(3, rejection?.Available);
        Assert.Equal(2, Assert.Single(cart.Lines).Quantity);
    }

    [Fact]
    public void A_cart_holds_one_currency()
    {
        var cart = new ShoppingCart();
        cart.Add(Variant("SHIRT-M"), 1, available: 5);

        Assert.Equal(CartRejectionReason.CurrencyMismatch, cart.Add(Variant("HAT-L", currency: "USD"), 1, available: 5)?.Reason);
        Assert.Single(cart.Lines);
    }

    [Fact]
    public void The_only_line_may_follow_its_sku_into_another_currency()
    {
        var cart = new ShoppingCart();
        cart.Add(Variant("SHIRT-M"), 1, available: 5);

        Assert.Null(cart.SetQuantity(Variant("SHIRT-M", currency: "USD"), 2, available: 5));
        Assert.Equal("USD", Assert.Single(cart.Lines).UnitPrice.Currency);
    }

    [Fact]
    public void An_archived_product_cannot_be_added_or_have_its_quantity_raised()
    {
        var cart = new ShoppingCart();
        cart.Add(Variant("SHIRT-M"), 1, available: 5);

        Assert.Equal(CartRejectionReason.Archived, cart.Add(Variant("HAT-L", archived: true), 1, available: 5)?.Reason);
        Assert.Equal(CartRejectionReason.Archived, cart.SetQuantity(Variant("SHIRT-M", archived: true), 2, available: 5)?.Reason);
    }

    [Fact]
    public void Setting_a_quantity_needs_the_line_and_removing_is_harmless_to_repeat()
    {
        var cart = new ShoppingCart();
        Assert.Equal(CartRejectionReason.NotInCart, cart.SetQuantity(Variant("SHIRT-M"), 1, available: 5)?.Reason);

        cart.Add(Variant("SHIRT-M"), 1, available: 5);
        Assert.Null(cart.SetQuantity(Variant("SHIRT-M"), 4, available: 5));
        Assert.Equal(4, Assert.Single(cart.Lines).Quantity);

        cart.Remove("SHIRT-M");
        var revision = cart.Revision;
        cart.Remove("SHIRT-M");
        Assert.Empty(cart.Lines);
        Assert.Equal(revision, cart.Revision);
    }

    [Fact]
    public void Merging_sums_shared_skus_up_to_the_limit_with_the_users_price_and_adds_the_rest_with_the_guests()
    {
        var user = new ShoppingCart();
        user.Add(Variant("SHIRT-M", price: 1000), 7, available: 100);
        var guestRevision = Guid.CreateVersion7();

        var outcome = user.Merge("guest-a", guestRevision, [Line("SHIRT-M", 6, price: 900), Line("HAT-L", 2, price: 500)]);

        Assert.Equal((false, 2), (outcome.AlreadyMerged, outcome.LinesMerged));
        Assert.Empty(outcome.SkusLeftOut);
        var shirt = user.Lines.Single(line => line.Sku == "SHIRT-M");
        Assert.Equal(CartLimits.MaxQuantityPerLine, shirt.Quantity);
        Assert.Equal(new Money(1000, "EUR"), shirt.UnitPrice);
        var hat = user.Lines.Single(line => line.Sku == "HAT-L");
        Assert.Equal((2, new Money(500, "EUR")), (hat.Quantity, hat.UnitPrice));
    }

    [Fact]
    public void The_same_guest_cart_revision_merges_once_but_a_later_revision_merges_again()
    {
        var user = new ShoppingCart();
        var first = Guid.CreateVersion7();
        user.Merge("guest-a", first, [Line("HAT-L", 2)]);

        Assert.True(user.Merge("guest-a", first, [Line("HAT-L", 2)]).AlreadyMerged);
        Assert.Equal(2, Assert.Single(user.Lines).Quantity);

        Assert.False(user.Merge("guest-a", Guid.CreateVersion7(), [Line("HAT-L", 1)]).AlreadyMerged);
        Assert.Equal(3, Assert.Single(user.Lines).Quantity);
    }

    [Fact]
    public void Merging_leaves_out_lines_in_another_currency_and_lines_beyond_the_line_limit()
    {
        var user = new ShoppingCart();
        for (var i = 0; i < CartLimits.MaxLines - 1; i++) user.Add(Variant($"SKU-{i}"), 1, available: 5);

        var outcome = user.Merge("guest-a", Guid.CreateVersion7(), [Line("DOLLAR-HAT", 1, currency: "USD"), Line("FITS-1", 1), Line("NO-ROOM", 1)]);

        Assert.Equal(1, outcome.LinesMerged);
        Assert.Equal(["DOLLAR-HAT", "NO-ROOM"], outcome.SkusLeftOut);
        Assert.Equal(CartLimits.MaxLines, user.Lines.Count);
    }

    [Fact]
    public void A_cleared_cart_that_remembers_a_merge_is_not_empty_and_survives_a_round_trip_through_its_state()
    {
        var user = new ShoppingCart();
        var revision = Guid.CreateVersion7();
        user.Merge("guest-a", revision, [Line("HAT-L", 2)]);
        user.Clear();

        var restored = new ShoppingCart(user.ToState(DateTimeOffset.UtcNow));

        Assert.False(restored.IsEmpty);
        Assert.Empty(restored.Lines);
        Assert.True(restored.Merge("guest-a", revision, [Line("HAT-L", 2)]).AlreadyMerged);
        Assert.True(new ShoppingCart().IsEmpty);
    }

    [Fact]
    public void Clearing_if_unchanged_empties_a_cart_still_at_the_revision_and_leaves_one_changed_since()
    {
        var unchanged = new ShoppingCart();
        unchanged.Add(Variant("SHIRT-M"), 1, available: 5);
        var changed = new ShoppingCart();
        changed.Add(Variant("SHIRT-M"), 1, available: 5);
        var checkedOut = changed.Revision;
        changed.Add(Variant("HAT-L"), 1, available: 5);
        var changedRevision = changed.Revision;

        unchanged.ClearIfUnchanged(unchanged.Revision);
        changed.ClearIfUnchanged(checkedOut);

        Assert.Empty(unchanged.Lines);
        Assert.Equal(["SHIRT-M", "HAT-L"], changed.Lines.Select(line => line.Sku));
        Assert.Equal(changedRevision, changed.Revision);
    }

    [Fact]
    public void Clearing_if_unchanged_again_after_the_shopper_added_a_line_keeps_that_line()
    {
        var cart = new ShoppingCart();
        cart.Add(Variant("SHIRT-M"), 1, available: 5);
        var checkedOut = cart.Revision;
        cart.ClearIfUnchanged(checkedOut);
        cart.Add(Variant("HAT-L"), 1, available: 5);

        cart.ClearIfUnchanged(checkedOut);

        Assert.Equal("HAT-L", Assert.Single(cart.Lines).Sku);
    }
}
