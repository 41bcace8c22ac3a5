using FluentValidation;

namespace DaprShop.Identity.Api;

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(request => request.CurrentPassword).PresentedPassword();
        RuleFor(request => request.NewPassword)
            .ValidNewPassword()
            .NotEqual(request => request.CurrentPassword).WithMessage("The new password must differ from the current one.");
    }
}
