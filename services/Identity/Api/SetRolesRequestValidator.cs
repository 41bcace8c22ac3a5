using DaprShop.Contracts.Identity;
using FluentValidation;

namespace DaprShop.Identity.Api;

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class SetRolesRequestValidator : AbstractValidator<SetRolesRequest>
{
    public SetRolesRequestValidator()
    {
        RuleFor(request => request.Roles)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(roles => roles.All(role => Contracts.Identity.Roles.All.Contains(role)))
            .WithMessage($"'Roles' may only contain {string.Join(" and ", Contracts.Identity.Roles.All)}.")
            .Must(roles => roles.Distinct().Count() == roles.Count)
            .WithMessage("'Roles' must not name a role twice.");
    }
}
