using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Api;

/// <summary>An account as the API shows it, to its owner (<c>/me</c>) and to admins (<c>/users</c>); never the password hash or sessions.</summary>
public sealed record AccountView(
    Guid Id, string Email, string Name, IReadOnlyList<string> Roles, bool EmailVerified, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil)
{
    public static AccountView Of(UserAccount user) =>
        new(user.Id, user.Email, user.Name, user.Roles, user.EmailVerified, user.Disabled, user.CreatedAt, user.LoginFailures.LockedUntil);
}
