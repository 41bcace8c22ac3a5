namespace DaprShop.Identity.Domain;

/// <summary>
/// What a password must be: 12 to 128 characters with at least one letter and one digit. Length is what makes
/// passwords hard to guess (NIST SP 800-63B), so the policy asks for length rather than symbol soup; the upper bound
/// keeps hashing cost bounded. Applied to registration, password change and password reset.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public const string Description = "Passwords must be 12 to 128 characters long and contain at least one letter and one digit.";

    public static bool IsSatisfiedBy(string? password) =>
        password is { Length: >= MinLength and <= MaxLength } && password.Any(char.IsLetter) && password.Any(char.IsDigit);
}
