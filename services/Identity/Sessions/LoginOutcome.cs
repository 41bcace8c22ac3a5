using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Sessions;

public enum LoginStatus
{
    SignedIn,

    /// <summary>Unknown email or wrong password; deliberately not told apart.</summary>
    InvalidCredentials,

    Locked,
    Disabled,
    EmailNotVerified,
}

/// <param name="Tokens">Set when <see cref="LoginStatus.SignedIn"/>.</param>
/// <param name="LockedUntil">Set when <see cref="LoginStatus.Locked"/>.</param>
internal sealed record LoginOutcome(LoginStatus Status, UserAccount? User = null, TokenPair? Tokens = null, DateTimeOffset? LockedUntil = null);
