using DaprShop.Identity.Domain;
using DaprShop.Identity.Email;
using DaprShop.Identity.Persistence;

namespace DaprShop.Identity.Accounts;

/// <summary>Confirms that a user reads the inbox of their address, with a single-use token emailed to it.</summary>
internal sealed class EmailVerification(UserStore users, OneTimeTokenStore tokens, AccountMailer mailer)
{
    /// <returns>False when the token is unknown, expired or already used.</returns>
    public async Task<bool> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (await tokens.ConsumeAsync(OneTimeTokenPurpose.EmailVerification, token, cancellationToken) is not { } userId) return false;

        var update = await users.UpdateAsync(
            userId, user => (user.EmailVerified ? null : user with { EmailVerified = true }, true), cancellationToken);
        return update is not null;
    }

    /// <summary>Sends a fresh link to an unverified account; does nothing (and says nothing) for any other address.</summary>
    public async Task ResendAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email, cancellationToken) is { EmailVerified: false, Disabled: false } user)
        {
            await mailer.SendVerificationAsync(user, cancellationToken);
        }
    }
}
