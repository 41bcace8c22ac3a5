using FluentValidation;

namespace DaprShop.Cart.Api;

/// <summary>Body of <c>POST /items</c>: add <see cref="Quantity"/> of the SKU, or that many more to its line.</summary>
public sealed record AddItemRequest(string Sku, int? Quantity);

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class AddItemRequestValidator : AbstractValidator<AddItemRequest>
{
    public AddItemRequestValidator()
    {
        RuleFor(request => request.Sku).MustBeSku();
        RuleFor(request => request.Quantity).MustBeQuantity(Domain.CartLimits.MinQuantityPerLine);
    }
}
