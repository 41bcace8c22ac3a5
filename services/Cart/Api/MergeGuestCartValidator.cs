using DaprShop.Cart.Domain;
using DaprShop.Contracts.Cart;
using FluentValidation;

namespace DaprShop.Cart.Api;

public sealed class MergeGuestCartValidator : AbstractValidator<MergeGuestCart>
{
    public MergeGuestCartValidator()
    {
        RuleFor(merge => merge.GuestCartId)
            .Must(CartIds.IsWellFormedGuestCartId)
            .WithMessage($"'Guest Cart Id' must be a guest cart id as cart returned it in {CartHeaders.CartId}.");
        RuleFor(merge => merge.UserId).NotEmpty();
    }
}
