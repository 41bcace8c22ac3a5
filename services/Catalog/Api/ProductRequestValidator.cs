using DaprShop.Catalog.Domain;
using DaprShop.Contracts;
using FluentValidation;

namespace DaprShop.Catalog.Api;

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class ProductRequestValidator : AbstractValidator<ProductRequest>
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4_000;
    public const int BrandMaxLength = 100;
    public const int MaxTags = 20;
    public const int TagMaxLength = 50;
    public const int MaxAttributes = 30;
    public const int KeyMaxLength = 50;
    public const int ValueMaxLength = 200;
    public const int MaxImages = 10;
    public const int ImageUrlMaxLength = 2_000;
    public const int MaxVariants = 100;
    public const int MaxOptions = 10;

    public ProductRequestValidator(CategoryTree categories)
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(NameMaxLength);
        RuleFor(request => request.Description).MaximumLength(DescriptionMaxLength);
        RuleFor(request => request.Brand).NotEmpty().MaximumLength(BrandMaxLength);
        RuleFor(request => request.Category)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(categories.Contains).WithMessage("'Category' must be the slug of an existing category (see GET /categories).");

        RuleFor(request => request.Tags).Must(tags => tags!.Count <= MaxTags).WithMessage($"At most {MaxTags} tags.").When(request => request.Tags is not null);
        RuleForEach(request => request.Tags).NotEmpty().MaximumLength(TagMaxLength);

        RuleFor(request => request.Attributes)
            .Must(attributes => attributes!.Count <= MaxAttributes).WithMessage($"At most {MaxAttributes} attributes.")
            .Must(HaveSaneKeysAndValues).WithMessage($"Attribute names must be 1 to {KeyMaxLength} characters and values 1 to {ValueMaxLength}.")
            .When(request => request.Attributes is not null);

        RuleFor(request => request.ImageUrls).Must(urls => urls!.Count <= MaxImages).WithMessage($"At most {MaxImages} images.").When(request => request.ImageUrls is not null);
        RuleForEach(request => request.ImageUrls)
            .Must(BeAnAbsoluteHttpUrl)
            .WithMessage($"Image URLs must be absolute http or https URLs of at most {ImageUrlMaxLength} characters.");

        RuleFor(request => request.Variants)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("A product needs at least one variant.")
            .Must(variants => variants.Count <= MaxVariants).WithMessage($"At most {MaxVariants} variants.")
            .Must(variants => variants.All(variant => variant is not null)).WithMessage("Variants must not be null.")
            .Must(HaveDistinctSkus).WithMessage("Every variant needs its own SKU.")
            .Must(ShareOneCurrency).WithMessage("All variants of a product must be priced in the same currency.");
        RuleForEach(request => request.Variants).SetValidator(new VariantRequestValidator()).When(request => request.Variants is not null);
    }

    private static bool HaveSaneKeysAndValues(IReadOnlyDictionary<string, string>? pairs) =>
        pairs is null || pairs.All(pair => pair.Key.Trim().Length is > 0 and <= KeyMaxLength && pair.Value?.Trim().Length is > 0 and <= ValueMaxLength);

    private static bool BeAnAbsoluteHttpUrl(string? url) =>
        url is { Length: <= ImageUrlMaxLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool HaveDistinctSkus(IReadOnlyList<VariantRequest> variants) =>
        variants.Select(variant => variant.Sku).Distinct(StringComparer.Ordinal).Count() == variants.Count;

    private static bool ShareOneCurrency(IReadOnlyList<VariantRequest> variants) =>
        variants.Select(variant => variant.Price?.Currency).Distinct(StringComparer.Ordinal).Count() <= 1;

    private sealed class VariantRequestValidator : AbstractValidator<VariantRequest>
    {
        public VariantRequestValidator()
        {
            RuleFor(variant => variant.Sku)
                .Cascade(CascadeMode.Stop)
                .NotEmpty()
                .Must(Sku.IsWellFormed)
                .WithMessage($"'Sku' must be {Sku.MinLength} to {Sku.MaxLength} upper-case letters and digits in groups joined by single hyphens, e.g. TSHIRT-RED-M.");

            RuleFor(variant => variant.Options)
                .Must(options => options!.Count <= MaxOptions).WithMessage($"At most {MaxOptions} options.")
                .Must(HaveSaneKeysAndValues).WithMessage($"Option names must be 1 to {KeyMaxLength} characters and values 1 to {ValueMaxLength}.")
                .When(variant => variant.Options is not null);

            RuleFor(variant => variant.Price).NotNull();
            RuleFor(variant => variant.Price.Amount)
                .GreaterThan(0)
                .WithMessage("'Price Amount' must be a positive whole number of the currency's minor unit (1999 for 19.99 EUR).")
                .When(variant => variant.Price is not null);
            RuleFor(variant => variant.Price.Currency)
                .Must(CurrencyCodes.IsInCirculation)
                .WithMessage("'Price Currency' must be an upper-case ISO 4217 code of a currency in circulation, e.g. EUR.")
                .When(variant => variant.Price is not null);
        }
    }
}
