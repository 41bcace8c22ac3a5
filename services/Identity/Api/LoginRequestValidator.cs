using FluentValidation;

namespace DaprShop.Identity.Api;

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(request => request.Email).ValidEmail();
        // Only bounded, not held to the policy: accounts made under an older policy must still sign in.
        RuleFor(request => request.Password).PresentedPassword();
    }
}
