using DaprShop.Cart.Domain;
using DaprShop.Contracts;
using FluentValidation;

namespace DaprShop.Cart.Api;

/// <summary>The field rules the cart's request validators share.</summary>
public static class SkuRules
{
    public static IRuleBuilderOptions<T, string> MustBeSku<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(Sku.IsWellFormed)
            .WithMessage($"'{{PropertyName}}' must be a SKU: {Sku.MinLength} to {Sku.MaxLength} upper-case letters and digits in hyphen-joined groups, e.g. TSHIRT-RED-M.");

    public static IRuleBuilderOptions<T, int?> MustBeQuantity<T>(this IRuleBuilderInitial<T, int?> rule, int minimum) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull()
            .InclusiveBetween(minimum, CartLimits.MaxQuantityPerLine);
}
