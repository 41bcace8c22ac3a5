using FluentValidation;

namespace DaprShop.Identity.Api;

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class VerifyEmailRequestValidator : AbstractValidator<VerifyEmailRequest>
{
    public VerifyEmailRequestValidator() => RuleFor(request => request.Token).PresentedToken();
}
