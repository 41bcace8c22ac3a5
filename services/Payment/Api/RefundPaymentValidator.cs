using DaprShop.Contracts.Payment;
using FluentValidation;

namespace DaprShop.Payment.Api;

public sealed class RefundPaymentValidator : AbstractValidator<RefundPayment>
{
    public RefundPaymentValidator()
    {
        // It becomes part of a Stripe idempotency key and metadata value, both of which have length limits.
        RuleFor(refund => refund.RefundId).NotEmpty().MaximumLength(100).Matches("^[A-Za-z0-9_:.-]+$");
        RuleFor(refund => refund.Amount!).SetValidator(new PaymentAmountValidator()).When(refund => refund.Amount is not null);
        RuleFor(refund => refund.Reason).NotEmpty().MaximumLength(500);
    }
}
