using DaprShop.Catalog.Api;
using DaprShop.Catalog.Search;

namespace DaprShop.Catalog.Tests.Api;

public sealed class ProductSearchRequestValidatorTests
{
    private readonly ProductSearchRequestValidator _validator = new(TestCatalogue.Categories);

    private void AssertRejectedOn(ProductSearchRequest request, string field)
    {
        var result = _validator.Validate(request);

        Assert.False(result.IsValid, $"expected a failure on {field}");
        Assert.All(result.Errors, failure => Assert.StartsWith(field, failure.PropertyName));
    }

    [Fact]
    public void No_parameters_at_all_is_a_valid_browse()
    {
        Assert.True(_validator.Validate(new ProductSearchRequest()).IsValid);
        var query = new ProductSearchRequest().ToQuery();
        Assert.Equal((null, null, null, 1, ProductSearchRequest.DefaultPageSize), (query.Text, query.Category, query.Sort, query.Page, query.PageSize));
    }

    [Fact]
    public void Everything_set_and_sane_is_valid_and_becomes_the_query()
    {
        var request = new ProductSearchRequest
        {
            Q = "cafe", Category = "shirts", MinPrice = 100, MaxPrice = 100, InStock = true, Sort = "price-desc", Page = 2, PageSize = 100,
            Brand = ["Acme"], Attr = ["colour:red", "size: M "],
        };

        Assert.True(_validator.Validate(request).IsValid);
        var query = request.ToQuery();
        Assert.Equal(ProductSort.PriceDescending, query.Sort);
        Assert.Equal([new AttributeFilter("colour", "red"), new AttributeFilter("size", "M")], query.Attributes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void The_page_size_is_1_to_100(int pageSize) => AssertRejectedOn(new ProductSearchRequest { PageSize = pageSize }, "PageSize");

    [Fact]
    public void The_page_starts_at_1() => AssertRejectedOn(new ProductSearchRequest { Page = 0 }, "Page");

    [Theory]
    [InlineData("cheapest")]
    [InlineData("")]
    public void An_unknown_sort_is_rejected(string sort) => AssertRejectedOn(new ProductSearchRequest { Sort = sort }, "Sort");

    [Fact]
    public void Prices_are_not_negative_and_the_range_not_upside_down()
    {
        AssertRejectedOn(new ProductSearchRequest { MinPrice = -1 }, "MinPrice");
        AssertRejectedOn(new ProductSearchRequest { MinPrice = 500, MaxPrice = 100 }, "MaxPrice");
    }

    [Fact]
    public void The_category_must_exist() => AssertRejectedOn(new ProductSearchRequest { Category = "nope" }, "Category");

    [Theory]
    [InlineData("colour")]
    [InlineData(":red")]
    [InlineData("colour:")]
    public void Attribute_filters_are_key_colon_value(string pair) => AssertRejectedOn(new ProductSearchRequest { Attr = [pair] }, "Attr");

    [Fact]
    public void The_text_is_bounded() =>
        AssertRejectedOn(new ProductSearchRequest { Q = new string('q', ProductSearchRequestValidator.QueryMaxLength + 1) }, "Q");
}
