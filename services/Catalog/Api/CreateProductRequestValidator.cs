using DaprShop.Contracts;
using FluentValidation;

namespace DaprShop.Catalog.Api;

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class CreateProductRequestValidator : AbstractValidator<CreateProductRequest>
{
    public const int NameMaxLength = 200;

    public CreateProductRequestValidator()
    {
        RuleFor(request => request.Name)
            .NotEmpty()
            .MaximumLength(NameMaxLength);

        RuleFor(request => request.Sku)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(Sku.IsWellFormed)
            .WithMessage($"'Sku' must be {Sku.MinLength} to {Sku.MaxLength} upper-case letters and digits in groups joined by single hyphens, e.g. TSHIRT-RED-M.");

        RuleFor(request => request.Price).NotNull();
        RuleFor(request => request.Price.Amount)
            .GreaterThan(0)
            .WithMessage("'Price Amount' must be a positive whole number of the currency's minor unit (1999 for 19.99 EUR).")
            .When(request => request.Price is not null);
        RuleFor(request => request.Price.Currency)
            .Must(CurrencyCodes.IsInCirculation)
            .WithMessage("'Price Currency' must be an upper-case ISO 4217 code of a currency in circulation, e.g. EUR.")
            .When(request => request.Price is not null);
    }
}
