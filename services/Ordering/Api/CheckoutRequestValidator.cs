using FluentValidation;

namespace DaprShop.Ordering.Api;

public sealed class CheckoutRequestValidator : AbstractValidator<CheckoutRequest>
{
    private const int MaxFieldLength = 200;

    public CheckoutRequestValidator()
    {
        // Stripe's payment method ids: "pm_" and an opaque suffix.
        RuleFor(request => request.PaymentMethodId).NotEmpty().MaximumLength(MaxFieldLength).Matches("^pm_[A-Za-z0-9_]+$");
        RuleFor(request => request.ShippingAddress).NotNull();
        When(request => request.ShippingAddress is not null, () =>
        {
            RuleFor(request => request.ShippingAddress!.Name).NotEmpty().MaximumLength(MaxFieldLength);
            RuleFor(request => request.ShippingAddress!.Line1).NotEmpty().MaximumLength(MaxFieldLength);
            RuleFor(request => request.ShippingAddress!.Line2).MaximumLength(MaxFieldLength);
            RuleFor(request => request.ShippingAddress!.City).NotEmpty().MaximumLength(MaxFieldLength);
            RuleFor(request => request.ShippingAddress!.PostalCode).NotEmpty().MaximumLength(20);
            RuleFor(request => request.ShippingAddress!.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("'Country' must be an ISO 3166-1 alpha-2 code such as DE.");
        });
    }
}
