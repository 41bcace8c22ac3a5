using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Search;
using FluentValidation;

namespace DaprShop.Catalog.Api;

public sealed class ProductSearchRequestValidator : AbstractValidator<ProductSearchRequest>
{
    public const int QueryMaxLength = 200;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;
    public const int MaxBrands = 20;
    public const int MaxAttributeFilters = 20;

    public ProductSearchRequestValidator(CategoryTree categories)
    {
        RuleFor(request => request.Q).MaximumLength(QueryMaxLength);
        RuleFor(request => request.Category)
            .Must(categories.Contains).WithMessage("'category' must be the slug of an existing category (see GET /categories).")
            .When(request => !string.IsNullOrEmpty(request.Category));
        RuleFor(request => request.MinPrice).GreaterThanOrEqualTo(0);
        RuleFor(request => request.MaxPrice).GreaterThanOrEqualTo(0);
        RuleFor(request => request.MaxPrice)
            .GreaterThanOrEqualTo(request => request.MinPrice).WithMessage("'maxPrice' must not be below 'minPrice'.")
            .When(request => request.MinPrice is not null && request.MaxPrice is not null);
        RuleFor(request => request.Sort)
            .Must(sort => ProductSortNames.TryParse(sort, out _))
            .WithMessage($"'sort' must be one of: {string.Join(", ", ProductSortNames.All)}.")
            .When(request => request.Sort is not null);
        RuleFor(request => request.Page).InclusiveBetween(1, MaxPage);
        RuleFor(request => request.PageSize).InclusiveBetween(1, MaxPageSize);
        RuleFor(request => request.Brand)
            .Must(brands => brands!.Length <= MaxBrands).WithMessage($"At most {MaxBrands} brands.")
            .When(request => request.Brand is not null);
        RuleFor(request => request.Attr)
            .Must(pairs => pairs!.Length <= MaxAttributeFilters).WithMessage($"At most {MaxAttributeFilters} attribute filters.")
            .When(request => request.Attr is not null);
        RuleForEach(request => request.Attr)
            .Must(BeKeyColonValue).WithMessage("Attribute filters are 'key:value', e.g. attr=colour:red.");
    }

    private static bool BeKeyColonValue(string? pair)
    {
        if (pair is null || pair.IndexOf(':') is var colon and < 0) return false;
        var filter = ProductSearchRequest.ParseAttribute(pair);
        return filter.Key.Length > 0 && filter.Value.Length > 0 && pair.Length <= ProductRequestValidator.KeyMaxLength + ProductRequestValidator.ValueMaxLength + 1;
    }
}
