using DaprShop.Catalog.Api;
using DaprShop.Contracts;

namespace DaprShop.Catalog.Tests.Api;

public sealed class ProductRequestValidatorTests
{
    private static readonly VariantRequest Red = new("TSHIRT-RED-M", new Dictionary<string, string> { ["colour"] = "red", ["size"] = "M" }, new Money(1999, "EUR"));
    private static readonly ProductRequest Valid = new(
        "Organic cotton T-shirt", "Soft.", "t-shirts", "Acme", ["organic"], new Dictionary<string, string> { ["material"] = "cotton" },
        ["https://img.example/tee.jpg"], [Red]);

    private readonly ProductRequestValidator _validator = new(TestCatalogue.Categories);

    /// <summary>Asserts the request is rejected and every failure names <paramref name="field"/>, and only it.</summary>
    private void AssertRejectedOn(ProductRequest request, string field)
    {
        var result = _validator.Validate(request);

        Assert.False(result.IsValid, $"expected a failure on {field}");
        Assert.All(result.Errors, failure => Assert.Equal(field, failure.PropertyName));
    }

    [Fact]
    public void A_complete_request_is_valid() =>
        Assert.True(_validator.Validate(Valid).IsValid, string.Join("; ", _validator.Validate(Valid).Errors));

    [Fact]
    public void Optional_collections_may_be_left_out() =>
        Assert.True(_validator.Validate(Valid with { Description = null, Tags = null, Attributes = null, ImageUrls = null, Variants = [Red with { Options = null }] }).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_name_is_required(string? name) => AssertRejectedOn(Valid with { Name = name! }, "Name");

    [Fact]
    public void Lengths_are_bounded()
    {
        AssertRejectedOn(Valid with { Name = new string('n', ProductRequestValidator.NameMaxLength + 1) }, "Name");
        AssertRejectedOn(Valid with { Description = new string('d', ProductRequestValidator.DescriptionMaxLength + 1) }, "Description");
        AssertRejectedOn(Valid with { Brand = new string('b', ProductRequestValidator.BrandMaxLength + 1) }, "Brand");
        AssertRejectedOn(Valid with { Tags = [new string('t', ProductRequestValidator.TagMaxLength + 1)] }, "Tags[0]");
        AssertRejectedOn(Valid with { Tags = [.. Enumerable.Repeat("tag", ProductRequestValidator.MaxTags + 1)] }, "Tags");
        AssertRejectedOn(Valid with { Attributes = new Dictionary<string, string> { [""] = "x" } }, "Attributes");
        AssertRejectedOn(Valid with { Attributes = new Dictionary<string, string> { ["k"] = new string('v', ProductRequestValidator.ValueMaxLength + 1) } }, "Attributes");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-such-category")]
    public void The_category_must_exist(string? category) => AssertRejectedOn(Valid with { Category = category! }, "Category");

    [Theory]
    [InlineData("ftp://img.example/a.jpg")]
    [InlineData("/relative.jpg")]
    [InlineData("not a url")]
    public void Image_urls_are_absolute_http_urls(string url) => AssertRejectedOn(Valid with { ImageUrls = [url] }, "ImageUrls[0]");

    [Fact]
    public void A_product_needs_a_variant()
    {
        AssertRejectedOn(Valid with { Variants = [] }, "Variants");
        AssertRejectedOn(Valid with { Variants = null! }, "Variants");
        AssertRejectedOn(Valid with { Variants = [null!] }, "Variants");
    }

    [Fact]
    public void Skus_are_well_formed_and_distinct_within_the_product()
    {
        AssertRejectedOn(Valid with { Variants = [Red with { Sku = "tshirt-red" }] }, "Variants[0].Sku");
        AssertRejectedOn(Valid with { Variants = [Red, Red] }, "Variants");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Prices_are_positive(long amount) =>
        AssertRejectedOn(Valid with { Variants = [Red with { Price = new Money(amount, "EUR") }] }, "Variants[0].Price.Amount");

    [Theory]
    [InlineData("eur")]
    [InlineData("XYZ")]
    [InlineData("")]
    public void Currencies_are_iso_codes_in_circulation(string currency) =>
        AssertRejectedOn(Valid with { Variants = [Red with { Price = new Money(1999, currency) }] }, "Variants[0].Price.Currency");

    [Fact]
    public void A_missing_price_is_rejected_on_the_price() =>
        AssertRejectedOn(Valid with { Variants = [Red with { Price = null! }] }, "Variants[0].Price");

    [Fact]
    public void All_variants_share_one_currency() =>
        AssertRejectedOn(Valid with { Variants = [Red, new VariantRequest("TSHIRT-RED-L", null, new Money(1999, "USD"))] }, "Variants");
}
