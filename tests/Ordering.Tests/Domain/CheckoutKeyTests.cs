using DaprShop.Ordering.Api;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Tests.Domain;

public sealed class CheckoutKeyTests
{
    private static readonly Guid Alice = Guid.Parse("0198a0c4-6d1e-7c3a-8e55-3f0b4a2d9e10");
    private static readonly Guid Bob = Guid.Parse("0198a0c4-6d1e-7c3a-8e55-3f0b4a2d9e11");

    [Fact]
    public void The_same_user_and_key_name_the_same_order_and_anything_else_another()
    {
        var order = CheckoutKey.OrderIdFor(Alice, "key-1");

        Assert.Equal(order, CheckoutKey.OrderIdFor(Alice, "key-1"));
        Assert.NotEqual(order, CheckoutKey.OrderIdFor(Alice, "key-2"));
        Assert.NotEqual(order, CheckoutKey.OrderIdFor(Bob, "key-1"));
        Assert.Equal(8, order.Version);
    }

    [Fact]
    public void Equal_requests_hash_equally_and_a_changed_field_changes_the_hash()
    {
        var address = new ShippingAddress("Ada", "1 Main St", null, "Berlin", "10115", "DE");
        var request = new CheckoutRequest("pm_card_visa", address);

        Assert.Equal(CheckoutKey.HashOf(request), CheckoutKey.HashOf(new CheckoutRequest("pm_card_visa", address with { })));
        Assert.NotEqual(CheckoutKey.HashOf(request), CheckoutKey.HashOf(request with { PaymentMethodId = "pm_card_mastercard" }));
        Assert.NotEqual(CheckoutKey.HashOf(request), CheckoutKey.HashOf(request with { ShippingAddress = address with { City = "Paris" } }));
    }

    [Theory]
    [InlineData("3f1c6a8e-0d7b-4e25-9a51-8c2f0e4b7d19", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("has space", false)]
    [InlineData("naïve", false)]
    public void A_key_is_printable_ascii_without_spaces(string? key, bool wellFormed)
    {
        Assert.Equal(wellFormed, CheckoutKey.IsWellFormed(key));
    }

    [Fact]
    public void A_key_longer_than_the_limit_is_refused()
    {
        Assert.True(CheckoutKey.IsWellFormed(new string('k', CheckoutKey.MaxLength)));
        Assert.False(CheckoutKey.IsWellFormed(new string('k', CheckoutKey.MaxLength + 1)));
    }
}
