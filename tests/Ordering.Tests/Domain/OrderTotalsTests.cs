using DaprShop.Contracts;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Tests.Domain;

public sealed class OrderTotalsTests
{
    private static OrderLine Line(long unitPrice, int quantity, string currency = "EUR") =>
        new("SKU-" + unitPrice, "Product", new Dictionary<string, string>(), quantity, new Money(unitPrice, currency));

    [Fact]
    public void Below_the_threshold_the_flat_shipping_fee_is_added_and_the_included_vat_is_a_sixth_of_the_gross()
    {
        var totals = OrderTotals.For([Line(1000, 2), Line(505, 1)]);

        Assert.Equal(new Money(2505, "EUR"), totals.Subtotal);
        Assert.Equal(new Money(OrderTotals.ShippingFee, "EUR"), totals.Shipping);
        Assert.Equal(new Money(3000, "EUR"), totals.Total);
        Assert.Equal(new Money(500, "EUR"), totals.IncludedVat);
    }

    [Fact]
    public void From_the_threshold_on_shipping_is_free()
    {
        var totals = OrderTotals.For([Line(OrderTotals.FreeShippingThreshold, 1)]);

        Assert.Equal(0, totals.Shipping.Amount);
        Assert.Equal(OrderTotals.FreeShippingThreshold, totals.Total.Amount);
    }

    [Theory]
    [InlineData(6001, 1000)] // 1000.17
    [InlineData(6003, 1001)] // 1000.5 rounds half up
    [InlineData(6004, 1001)] // 1000.67
    public void Included_vat_rounds_half_up_to_the_minor_unit(long gross, long vat)
    {
        var totals = OrderTotals.For([Line(gross, 1)]);

        Assert.Equal(vat, totals.IncludedVat.Amount);
    }

    [Fact]
    public void Lines_in_two_currencies_have_no_total()
    {
        Assert.Throws<InvalidOperationException>(() => OrderTotals.For([Line(100, 1), Line(100, 1, "USD")]));
    }
}
