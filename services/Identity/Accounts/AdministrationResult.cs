using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Accounts;

/// <summary>The result of an admin action: the account as it is now, or why nothing changed.</summary>
internal sealed record AdministrationResult(UserAccount? User, string? RefusalReason)
{
    public static AdministrationResult NotFound { get; } = new(null, null);

    public static AdministrationResult Done(UserAccount user) => new(user, null);

    public static AdministrationResult Refused(string reason) => new(null, reason);
}
