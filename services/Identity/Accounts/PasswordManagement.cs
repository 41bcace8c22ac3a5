using DaprShop.Identity.Domain;
using DaprShop.Identity.Email;
using DaprShop.Identity.Persistence;
using Microsoft.AspNetCore.Identity;

namespace DaprShop.Identity.Accounts;

/// <summary>
/// Password change (knowing the current one) and reset (by an emailed single-use token). Either ends every sign-in
/// of the account: whoever may have learned the old password loses the sessions it opened.
/// </summary>
internal sealed class PasswordManagement(
    UserStore users, OneTimeTokenStore tokens, RefreshTokenFamilyStore families, AccountMailer mailer,
    IPasswordHasher<UserAccount> hasher, ILogger<PasswordManagement> logger)
{
    /// <returns>Null when there is no such account; false when the current password is wrong.</returns>
    public async Task<bool?> ChangeAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var update = await users.UpdateAsync<IReadOnlyList<SessionReference>?>(
            userId,
            user => hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed
                ? (null, null)
                : (WithPassword(user, newPassword), user.Sessions),
            cancellationToken);
        if (update is null) return null;
        if (update.Outcome is not { } endedSessions) return false;

        await families.DeleteAllAsync(endedSessions, cancellationToken);
        logger.LogInformation("User {UserId} changed their password; their sessions were revoked", userId);
        return true;
    }

    /// <summary>Emails a reset link to an enabled account; does nothing (and says nothing) for any other address.</summary>
    public async Task SendResetLinkAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email, cancellationToken) is { Disabled: false } user)
        {
            await mailer.SendPasswordResetAsync(user, cancellationToken);
        }
    }

    /// <summary>
    /// Sets the new password, lifts a lockout and marks the email verified: the token arrived by that email, so the
    /// user has just proved they read it.
    /// </summary>
    /// <returns>False when the token is unknown, expired or already used.</returns>
    public async Task<bool> ResetAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        if (await tokens.ConsumeAsync(OneTimeTokenPurpose.PasswordReset, token, cancellationToken) is not { } userId) return false;

        var update = await users.UpdateAsync(
            userId,
            user => (WithPassword(user, newPassword) with { EmailVerified = true, LoginFailures = LoginFailures.None }, user.Sessions),
            cancellationToken);
        if (update is null) return false;

        await families.DeleteAllAsync(update.Outcome, cancellationToken);
        logger.LogInformation("User {UserId} reset their password; their sessions were revoked", userId);
        return true;
    }

    private UserAccount WithPassword(UserAccount user, string password) =>
        user.WithoutSessions() with { PasswordHash = hasher.HashPassword(user, password) };
}
