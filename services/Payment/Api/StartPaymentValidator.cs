using DaprShop.Contracts.Payment;
using FluentValidation;

namespace DaprShop.Payment.Api;

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class StartPaymentValidator : AbstractValidator<StartPayment>
{
    /// <summary>Stripe takes at most 8 digits of minor units (stripe.md §4).</summary>
    public const long MaxAmount = 99_999_999;

    public StartPaymentValidator()
    {
        RuleFor(start => start.OrderId).NotEmpty();
        RuleFor(start => start.UserId).NotEmpty();
        RuleFor(start => start.Amount).NotNull().SetValidator(new PaymentAmountValidator());
        RuleFor(start => start.PaymentMethodId).NotEmpty().MaximumLength(255)
            .Matches("^pm_[A-Za-z0-9_]+$").WithMessage("A payment method id looks like 'pm_…'; card data is never accepted.");
    }
}

