using DaprShop.Contracts;
using FluentValidation;

namespace DaprShop.Payment.Api;

/// <summary>A positive amount Stripe can charge, in a currency in circulation.</summary>
public sealed class PaymentAmountValidator : AbstractValidator<Money>
{
    public PaymentAmountValidator()
    {
        RuleFor(money => money.Amount).InclusiveBetween(1, StartPaymentValidator.MaxAmount);
        RuleFor(money => money.Currency).Must(CurrencyCodes.IsInCirculation).WithMessage("'{PropertyValue}' is not an ISO 4217 currency code in upper case.");
    }
}
