using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Identity.Persistence;

namespace DaprShop.Identity.Accounts;

/// <summary>Deletes an account with its personal data (account, email index, sign-ins) and tells the other services.</summary>
internal sealed class AccountErasure(UserStore users, AccountEvents events, TimeProvider clock, ILogger<AccountErasure> logger)
{
    /// <returns>False when there was no such account.</returns>
    public async Task<bool> EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await users.EraseAsync(userId, cancellationToken) is null) return false;

        logger.LogInformation("Erased user {UserId}", userId);
        await events.PublishAsync(Topics.AccountDeleted, new AccountDeleted(userId, clock.GetUtcNow()), userId, cancellationToken);
        return true;
    }
}
