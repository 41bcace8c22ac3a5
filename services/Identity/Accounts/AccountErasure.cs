using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Identity.Persistence;

namespace DaprShop.Identity.Accounts;

/// <summary>Deletes an account with its personal data (account, email index, sign-ins) and tells the other services (the event commits with the erasure).</summary>
internal sealed class AccountErasure(UserStore users, TransactionalOutbox outbox, TimeProvider clock, ILogger<AccountErasure> logger)
{
    /// <returns>False when there was no such account.</returns>
    public async Task<bool> EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        var accountDeleted = outbox.CreateEvent(ComponentNames.PubSub, Topics.AccountDeleted, new AccountDeleted(userId, clock.GetUtcNow()));
        if (await users.EraseAsync(userId, accountDeleted, cancellationToken) is null) return false;

        logger.LogInformation("Erased user {UserId}", userId);
        await outbox.PublishAsync(accountDeleted, cancellationToken);
        return true;
    }
}
