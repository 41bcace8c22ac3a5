using DaprShop.Catalog.Api;
using DaprShop.Contracts;

namespace DaprShop.Catalog.Tests;

public sealed class CreateProductRequestValidatorTests
{
    private static readonly CreateProductRequest Valid = new("Organic cotton T-shirt", "TSHIRT-RED-M", new Money(1999, "EUR"));

    private readonly CreateProductRequestValidator _validator = new();

    /// <summary>Asserts the request is rejected and every failure names <paramref name="field"/>, and only it.</summary>
    private void AssertRejectedOn(CreateProductRequest request, string field)
    {
        var result = _validator.Validate(request);

        Assert.False(result.IsValid, $"expected a failure on {field}");
        Assert.All(result.Errors, failure => Assert.Equal(field, failure.PropertyName));
    }

    [Fact]
    public void A_complete_request_is_valid()
    {
        var result = _validator.Validate(Valid);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_name_is_required(string? name) =>
        AssertRejectedOn(Valid with { Name = name! }, "Name");

    [Fact]
    public void The_name_is_at_most_200_characters()
    {
        Assert.True(_validator.Validate(Valid with { Name = new string('n', CreateProductRequestValidator.NameMaxLength) }).IsValid);
        AssertRejectedOn(Valid with { Name = new string('n', CreateProductRequestValidator.NameMaxLength + 1) }, "Name");
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("TSHIRT-RED-M")]
    [InlineData("123-45")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ-12345")]
    public void Well_formed_skus_are_accepted(string sku) =>
        Assert.True(_validator.Validate(Valid with { Sku = sku }).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AB")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ-123456")]
    [InlineData("tshirt-red-m")]
    [InlineData("TSHIRT--RED")]
    [InlineData("-TSHIRT")]
    [InlineData("TSHIRT-")]
    [InlineData("TSHIRT RED")]
    [InlineData("TSHIRT_RED")]
    [InlineData("TSHIRT\n")]
    [InlineData("ÄBC")]
    public void Malformed_skus_are_rejected_on_the_sku(string? sku) =>
        AssertRejectedOn(Valid with { Sku = sku! }, "Sku");

    [Fact]
    public void A_missing_sku_gets_one_message_not_two()
    {
        var result = _validator.Validate(Valid with { Sku = "" });

        Assert.Single(result.Errors);
    }

    [Fact]
    public void The_price_is_required() =>
        AssertRejectedOn(Valid with { Price = null! }, "Price");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void The_amount_must_be_positive(long amount) =>
        AssertRejectedOn(Valid with { Price = new Money(amount, "EUR") }, "Price.Amount");

    [Theory]
    [InlineData("EUR")]
    [InlineData("USD")]
    [InlineData("JPY")]
    [InlineData("CHF")]
    public void Currencies_in_circulation_are_accepted(string currency) =>
        Assert.True(_validator.Validate(Valid with { Price = new Money(1, currency) }).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("EU")]
    [InlineData("XYZ")]
    [InlineData("XAU")]
    [InlineData("XXX")]
    [InlineData(" EUR")]
    public void Anything_but_an_iso_4217_currency_code_is_rejected_on_the_currency(string? currency) =>
        AssertRejectedOn(Valid with { Price = new Money(1999, currency!) }, "Price.Currency");
}
