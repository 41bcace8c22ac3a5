using DaprShop.Ordering.Api;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Tests.Api;

public sealed class CheckoutRequestValidatorTests
{
    private static readonly ShippingAddress Address = new("Ada", "1 Main St", null, "Berlin", "10115", "DE");
    private readonly CheckoutRequestValidator _validator = new();

    [Fact]
    public void A_payment_method_id_and_a_full_address_are_valid()
    {
        Assert.True(_validator.Validate(new CheckoutRequest("pm_card_visa", Address)).IsValid);
    }

    public static TheoryData<CheckoutRequest> Invalid => new()
    {
        new CheckoutRequest(null, Address),
        new CheckoutRequest("4242424242424242", Address),
        new CheckoutRequest("pm_card_visa", null),
        new CheckoutRequest("pm_card_visa", Address with { Name = "" }),
        new CheckoutRequest("pm_card_visa", Address with { City = " " }),
        new CheckoutRequest("pm_card_visa", Address with { Country = "Germany" }),
        new CheckoutRequest("pm_card_visa", Address with { PostalCode = new string('1', 21) }),
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Anything_missing_or_malformed_is_refused(CheckoutRequest request)
    {
        Assert.False(_validator.Validate(request).IsValid);
    }
}
