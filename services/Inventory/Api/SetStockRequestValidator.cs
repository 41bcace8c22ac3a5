using DaprShop.Contracts.Inventory;
using FluentValidation;

namespace DaprShop.Inventory.Api;

public sealed class SetStockRequestValidator : AbstractValidator<SetStockRequest>
{
    public SetStockRequestValidator()
    {
        RuleFor(request => request.OnHand)
            .NotNull()
            .InclusiveBetween(0, SetOnHand.MaxOnHand);
    }
}
