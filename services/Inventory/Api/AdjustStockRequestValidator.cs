using DaprShop.Contracts.Inventory;
using FluentValidation;

namespace DaprShop.Inventory.Api;

public sealed class AdjustStockRequestValidator : AbstractValidator<AdjustStockRequest>
{
    public AdjustStockRequestValidator()
    {
        RuleFor(request => request.Delta)
            .NotNull()
            .NotEqual(0)
            .InclusiveBetween(-SetOnHand.MaxOnHand, SetOnHand.MaxOnHand);

        RuleFor(request => request.Reason)
            .NotEmpty()
            .MaximumLength(AdjustStock.ReasonMaxLength);
    }
}
