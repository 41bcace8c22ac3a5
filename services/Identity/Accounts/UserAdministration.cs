using DaprShop.Contracts.Identity;
using DaprShop.Identity.Domain;
using DaprShop.Identity.Persistence;

namespace DaprShop.Identity.Accounts;

/// <summary>
/// What admins do to accounts: change roles, disable and enable. No admin can take away their own admin role or
/// disable themselves, so the shop cannot lose its last admin by accident.
/// </summary>
internal sealed class UserAdministration(UserStore users, RefreshTokenFamilyStore families, ILogger<UserAdministration> logger)
{
    public async Task<AdministrationResult> SetRolesAsync(Guid adminId, Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        if (adminId == userId && !roles.Contains(Roles.Admin)) return AdministrationResult.Refused("An admin cannot remove their own admin role.");

        var update = await users.UpdateAsync(userId, user => (user with { Roles = roles }, true), cancellationToken);
        if (update is null) return AdministrationResult.NotFound;

        logger.LogInformation("Admin {AdminId} set the roles of user {UserId} to {Roles}", adminId, userId, roles);
        return AdministrationResult.Done(update.User);
    }

    /// <summary>A disabled account cannot log in, and its sign-ins end now (its current access tokens run out within minutes).</summary>
    public async Task<AdministrationResult> DisableAsync(Guid adminId, Guid userId, CancellationToken cancellationToken)
    {
        if (adminId == userId) return AdministrationResult.Refused("An admin cannot disable their own account.");

        var update = await users.UpdateAsync(userId, user => (user.WithoutSessions() with { Disabled = true }, user.Sessions), cancellationToken);
        if (update is null) return AdministrationResult.NotFound;

        await families.DeleteAllAsync(update.Outcome, cancellationToken);
        logger.LogInformation("Admin {AdminId} disabled user {UserId}", adminId, userId);
        return AdministrationResult.Done(update.User);
    }

    public async Task<AdministrationResult> EnableAsync(Guid adminId, Guid userId, CancellationToken cancellationToken)
    {
        var update = await users.UpdateAsync(userId, user => (user.Disabled ? user with { Disabled = false } : null, true), cancellationToken);
        if (update is null) return AdministrationResult.NotFound;

        logger.LogInformation("Admin {AdminId} enabled user {UserId}", adminId, userId);
        return AdministrationResult.Done(update.User);
    }

    /// <summary>Accounts whose email or name contains <paramref name="search"/> (any case), by email, one page of them.</summary>
    public async Task<(IReadOnlyList<UserAccount> Page, int Total)> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var matches = (await users.ListAllAsync(cancellationToken))
            .Where(user => string.IsNullOrWhiteSpace(search)
                || user.Email.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
                || user.Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(user => user.NormalizedEmail, StringComparer.Ordinal)
            .ToList();
        return ([.. matches.Skip((page - 1) * pageSize).Take(pageSize)], matches.Count);
    }
}
