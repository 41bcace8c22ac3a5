using FluentValidation;

namespace DaprShop.Identity.Api;

// Public because ServiceDefaults' AddValidatorsFromAssemblyContaining only registers public validators.
public sealed class EmailRequestValidator : AbstractValidator<EmailRequest>
{
    public EmailRequestValidator() => RuleFor(request => request.Email).ValidEmail();
}
