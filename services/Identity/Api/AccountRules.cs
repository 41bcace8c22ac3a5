using System.Text.RegularExpressions;
using DaprShop.Identity.Domain;
using FluentValidation;

namespace DaprShop.Identity.Api;

/// <summary>The field rules the identity requests share, so an email or password is judged the same everywhere.</summary>
public static partial class AccountRules
{
    public const int NameMaxLength = 100;

    /// <summary>Bounds the text hashed at login; no password the policy accepts is longer.</summary>
    public const int PresentedPasswordMaxLength = 1024;

    public const int TokenMaxLength = 200;

    /// <summary>
    /// What a deliverable address looks like, without chasing RFC 5322's corners: a local part of letters, digits and
    /// <c>.!#$%&amp;'*+=?^_{}~-</c>, one <c>@</c>, and a domain of at least two dot-separated labels. Letters may be
    /// non-ASCII. RFC 5322 also allows <c>/</c>, <c>|</c> and <c>`</c>; they are refused because the address is part of
    /// a state key, where <c>||</c> is reserved and <c>/</c> is unsafe.
    /// </summary>
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(EmailAddress.MaxLength)
            .Must(email => PlausibleEmail().IsMatch(email.Trim()))
            .WithMessage("'{PropertyName}' must be an email address such as ann@example.com.");

    public static IRuleBuilderOptions<T, string> ValidNewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(PasswordPolicy.IsSatisfiedBy).WithMessage(PasswordPolicy.Description);

    public static IRuleBuilderOptions<T, string> PresentedPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(PresentedPasswordMaxLength);

    /// <summary>1 to 100 characters after trimming, no control characters (names go into email text line by line).</summary>
    public static IRuleBuilderOptions<T, string> ValidName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(name => name.Trim().Length <= NameMaxLength).WithMessage($"'{{PropertyName}}' must be at most {NameMaxLength} characters.")
            .Must(name => !name.Any(char.IsControl)).WithMessage("'{PropertyName}' must not contain line breaks or other control characters.");

    public static IRuleBuilderOptions<T, string> PresentedToken<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(TokenMaxLength);

    [GeneratedRegex(@"^[\p{L}\p{N}.!#$%&'*+=?^_{}~-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlausibleEmail();
}
