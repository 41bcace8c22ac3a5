using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Identity.Domain;
using DaprShop.Identity.Email;
using DaprShop.Identity.Persistence;
using Microsoft.AspNetCore.Identity;

namespace DaprShop.Identity.Accounts;

/// <summary>Creates accounts: a shopper's own registration, and the first admin at start-up.</summary>
internal sealed class AccountRegistration(
    UserStore users, IPasswordHasher<UserAccount> hasher, AccountMailer mailer, TransactionalOutbox outbox, TimeProvider clock, ILogger<AccountRegistration> logger)
{
    /// <summary>A new unverified customer, who is sent the verification email.</summary>
    /// <returns>Null when the email already belongs to an account.</returns>
    public async Task<UserAccount?> RegisterAsync(string email, string password, string name, CancellationToken cancellationToken)
    {
        var account = await CreateAsync(email, password, name, [Roles.Customer], emailVerified: false, cancellationToken);
        if (account is not null) await mailer.SendVerificationAsync(account, cancellationToken);
        return account;
    }

    /// <summary>
    /// Stores the account with its <see cref="AccountRegistered"/> event (unless its email is taken, in which case nothing
    /// happens), then publishes the event. Safe to call concurrently with one email: exactly one call creates the account.
    /// </summary>
    public async Task<UserAccount?> CreateAsync(
        string email, string password, string name, IReadOnlyList<string> roles, bool emailVerified, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = UserAccount.New(Guid.CreateVersion7(now), email, name, roles, emailVerified, now);
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        var accountRegistered = outbox.CreateEvent(
            ComponentNames.PubSub, Topics.AccountRegistered, new AccountRegistered(account.Id, account.Email, account.Name, account.CreatedAt));
        if (!await users.TryCreateAsync(account, accountRegistered, cancellationToken)) return null;

        logger.LogInformation("Registered user {UserId} with roles {Roles}", account.Id, account.Roles);
        await outbox.PublishAsync(accountRegistered, cancellationToken);
        return account;
    }
}
