using DaprShop.Identity.Domain;
using DaprShop.Identity.Persistence;
using DaprShop.Identity.Tokens;
using Microsoft.AspNetCore.Identity;

namespace DaprShop.Identity.Sessions;

/// <summary>
/// Sign-in, token refresh and sign-out. A sign-in opens a refresh-token family (listed on the account so it can be
/// revoked and erased with it); each refresh rotates the family's token; a reused token revokes the family.
/// </summary>
internal sealed class SessionService(
    UserStore users, RefreshTokenFamilyStore families, AccessTokenIssuer accessTokens, IPasswordHasher<UserAccount> hasher,
    TimeProvider clock, ILogger<SessionService> logger)
{
    // Verified against when the email is unknown, so that answer takes as long as a wrong password does.
    private readonly Lazy<string> _unknownAccountHash = new(() => hasher.HashPassword(null!, SecretToken.Create()));

    public async Task<LoginOutcome> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email, cancellationToken) is not { } account)
        {
            hasher.VerifyHashedPassword(null!, _unknownAccountHash.Value, password);
            return new LoginOutcome(LoginStatus.InvalidCredentials);
        }

        var now = clock.GetUtcNow();
        var (family, refreshToken) = RefreshTokenFamily.Start(account.Id, now);
        var update = await users.UpdateAsync(account.Id, user => DecideLogin(user, password, family, now), cancellationToken);
        if (update is null) return new LoginOutcome(LoginStatus.InvalidCredentials);

        var (status, endedSessions) = update.Outcome;
        switch (status)
        {
            case LoginStatus.SignedIn:
                // Saved after the account lists it: a family the account does not list could never be revoked or erased.
                await families.SaveAsync(family, cancellationToken);
                await families.DeleteAllAsync(endedSessions, cancellationToken);
                logger.LogInformation("User {UserId} signed in (session {FamilyId})", update.User.Id, family.Id);
                return new LoginOutcome(LoginStatus.SignedIn, update.User, await TokensForAsync(update.User, refreshToken, cancellationToken));
            case LoginStatus.Locked:
                logger.LogWarning("Login refused for user {UserId}: locked until {LockedUntil}", update.User.Id, update.User.LoginFailures.LockedUntil);
                return new LoginOutcome(LoginStatus.Locked, update.User, LockedUntil: update.User.LoginFailures.LockedUntil);
            default:
                logger.LogInformation("Login refused for user {UserId}: {Reason}", update.User.Id, status);
                return new LoginOutcome(status, update.User);
        }
    }

    /// <summary>
    /// The order matters: a locked account's password is not checked at all, and disabled or unverified accounts are
    /// only reported to someone who knows the password.
    /// </summary>
    private (UserAccount? Updated, (LoginStatus Status, IReadOnlyList<SessionReference> EndedSessions) Outcome) DecideLogin(
        UserAccount user, string password, RefreshTokenFamily family, DateTimeOffset now)
    {
        if (user.LoginFailures.IsLockedAt(now)) return (null, (LoginStatus.Locked, []));

        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            var failures = user.LoginFailures.RecordFailure(now);
            return (user with { LoginFailures = failures }, (failures.IsLockedAt(now) ? LoginStatus.Locked : LoginStatus.InvalidCredentials, []));
        }

        if (user.Disabled) return (null, (LoginStatus.Disabled, []));
        if (!user.EmailVerified) return (null, (LoginStatus.EmailNotVerified, []));

        var (signedIn, endedSessions) = user.WithSession(family.ToSessionReference(), now);
        signedIn = signedIn with { LoginFailures = LoginFailures.None };
        if (verification == PasswordVerificationResult.SuccessRehashNeeded) signedIn = signedIn with { PasswordHash = hasher.HashPassword(user, password) };
        return (signedIn, (LoginStatus.SignedIn, endedSessions));
    }

    public async Task<(RefreshStatus Status, TokenPair? Tokens)> RefreshAsync(string presentedToken, CancellationToken cancellationToken)
    {
        if (!RefreshToken.TryParse(presentedToken, out var presented)) return (RefreshStatus.Invalid, null);

        var (family, etag) = await families.FindAsync(presented.FamilyId, cancellationToken);
        if (family is null) return (RefreshStatus.Invalid, null);

        switch (family.Check(presented, clock.GetUtcNow()))
        {
            case RefreshTokenUse.Expired:
                await families.DeleteAsync(family.Id, cancellationToken);
                return (RefreshStatus.Invalid, null);
            case RefreshTokenUse.Reused:
                return (await RevokeReusedAsync(family, cancellationToken), null);
        }

        var user = await users.FindAsync(family.UserId, cancellationToken);
        // A family the account no longer lists was ended (password change, disable) by a request that did not get to delete it.
        if (user is null || user.Sessions.All(session => session.FamilyId != family.Id))
        {
            await families.DeleteAsync(family.Id, cancellationToken);
            return (RefreshStatus.Invalid, null);
        }

        if (user.Disabled)
        {
            await families.DeleteAsync(family.Id, cancellationToken);
            return (RefreshStatus.Disabled, null);
        }

        var (rotated, nextToken) = family.Rotate();
        // Another request rotated with this same token between our read and write: one token, two uses.
        if (!await families.TryReplaceAsync(rotated, etag, cancellationToken)) return (await RevokeReusedAsync(family, cancellationToken), null);

        return (RefreshStatus.Refreshed, await TokensForAsync(user, nextToken, cancellationToken));
    }

    /// <summary>Ends the sign-in the token belongs to, whether it is the current token of its family or an older one.</summary>
    public async Task LogoutAsync(string presentedToken, CancellationToken cancellationToken)
    {
        if (!RefreshToken.TryParse(presentedToken, out var presented)) return;

        var (family, _) = await families.FindAsync(presented.FamilyId, cancellationToken);
        if (family is null) return;

        await families.DeleteAsync(family.Id, cancellationToken);
        logger.LogInformation("User {UserId} signed out (session {FamilyId})", family.UserId, family.Id);
    }

    private async Task<RefreshStatus> RevokeReusedAsync(RefreshTokenFamily family, CancellationToken cancellationToken)
    {
        await families.DeleteAsync(family.Id, cancellationToken);
        logger.LogWarning("A rotated refresh token of session {FamilyId} (user {UserId}) was used again; the session is revoked", family.Id, family.UserId);
        return RefreshStatus.Reused;
    }

    private async Task<TokenPair> TokensForAsync(UserAccount user, RefreshToken refreshToken, CancellationToken cancellationToken) =>
        new(await accessTokens.IssueAsync(user, cancellationToken), refreshToken.ToString(), (int)AccessTokenIssuer.Lifetime.TotalSeconds);
}
