namespace DaprShop.Identity.Domain;

/// <summary>What an emailed single-use token is for, how long it lives, and the state key kind it is stored under.</summary>
public sealed record OneTimeTokenPurpose(string KeyKind, TimeSpan Lifetime)
{
    /// <summary>A day, so a link opened the next morning still works.</summary>
    public static OneTimeTokenPurpose EmailVerification { get; } = new("email-verification", TimeSpan.FromHours(24));

    /// <summary>An hour: a reset link is a password, so it should not outlive the moment it was asked for.</summary>
    public static OneTimeTokenPurpose PasswordReset { get; } = new("password-reset", TimeSpan.FromHours(1));
}
