using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Persistence;

/// <summary>
/// Accounts in the Dapr state store: <c>user:{id}</c>, the uniqueness index <c>user-by-email:{normalized email}</c>
/// and the list <c>user-ids</c>. Creating and erasing an account change all three in one state transaction, so they
/// never disagree, and commit the account's event with them through the <see cref="TransactionalOutbox"/>; every other
/// change is an ETag-guarded read-modify-write of <c>user:{id}</c> alone.
/// </summary>
internal sealed class UserStore(DaprClient dapr, TransactionalOutbox outbox)
{
    // A transaction fails as a whole when a concurrent one changed user-ids first (the outbox answers false, as for any
    // refused transaction); the loser re-reads and tries again, and a real store failure recurs until the attempts end.
    private const int MaxTransactionAttempts = 50;
    private const int MaxUpdateAttempts = 20;
    private const int BulkReadChunkSize = 100;

    public Task<UserAccount?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<UserAccount>(ComponentNames.StateStore, StateKeys.User(id), cancellationToken: cancellationToken);

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        await FindIdByEmailAsync(EmailAddress.Normalize(email), cancellationToken) is { } id ? await FindAsync(id, cancellationToken) : null;

    /// <summary>
    /// Stores a new account, claims its email and commits <paramref name="accountRegistered"/> in one transaction. The
    /// claim is a first-write upsert of the index key, which fails when the key exists, so of any number of concurrent
    /// registrations of one address exactly one commits, on every state store that supports transactions and ETags.
    /// </summary>
    /// <returns>False when the email already belongs to an account.</returns>
    public async Task<bool> TryCreateAsync(UserAccount user, OutboxEvent accountRegistered, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxTransactionAttempts; attempt++)
        {
            if (await FindIdByEmailAsync(user.NormalizedEmail, cancellationToken) is not null) return false;

            var (ids, idsETag) = await ReadUserIdsAsync(cancellationToken);
            StateTransactionRequest[] operations =
            [
                dapr.Upsert(StateKeys.UserByEmail(user.NormalizedEmail), new EmailIndexEntry(user.Id), etagRead: ""),
                dapr.Upsert(StateKeys.User(user.Id), user, etagRead: ""),
                dapr.Upsert(StateKeys.UserIds, (IReadOnlyList<Guid>)[.. ids, user.Id], idsETag),
            ];
            if (await outbox.TryCommitAsync(operations, accountRegistered, cancellationToken)) return true;
            await BackOffAsync(cancellationToken);
        }

        throw new InvalidOperationException($"Could not store a new account after {MaxTransactionAttempts} attempts of contention on '{StateKeys.UserIds}'.");
    }

    /// <summary>
    /// Reads the account, lets <paramref name="decide"/> compute its new state and an outcome, and saves that state if
    /// the account did not change meanwhile; otherwise decides again on the fresh state.
    /// </summary>
    /// <param name="decide">Returns a null account to leave the stored one as it is.</param>
    /// <returns>Null when there is no such account.</returns>
    public async Task<UserUpdate<TOutcome>?> UpdateAsync<TOutcome>(
        Guid id, Func<UserAccount, (UserAccount? Updated, TOutcome Outcome)> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxUpdateAttempts; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<UserAccount>(ComponentNames.StateStore, StateKeys.User(id), cancellationToken: cancellationToken);
            if (current is null) return null;

            var (updated, outcome) = decide(current);
            if (updated is null) return new UserUpdate<TOutcome>(current, outcome);
            if (await dapr.TrySaveStateAsync(ComponentNames.StateStore, StateKeys.User(id), updated, etag, cancellationToken: cancellationToken))
            {
                return new UserUpdate<TOutcome>(updated, outcome);
            }
        }

        throw new InvalidOperationException($"Account {id} kept changing during {MaxUpdateAttempts} attempts to update it.");
    }

    /// <summary>Every account, for the admin list; accounts erased between the two reads are skipped.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAllAsync(CancellationToken cancellationToken)
    {
        var (ids, _) = await ReadUserIdsAsync(cancellationToken);
        var users = new List<UserAccount>(ids.Count);
        foreach (var chunk in ids.Chunk(BulkReadChunkSize))
        {
            var items = await dapr.GetBulkStateAsync<UserAccount>(
                ComponentNames.StateStore, [.. chunk.Select(StateKeys.User)], parallelism: 10, cancellationToken: cancellationToken);
            users.AddRange(items.Select(item => item.Value).OfType<UserAccount>());
        }

        return users;
    }

    /// <summary>
    /// Deletes the account, its email index entry, its id in the list and its sign-ins, and commits
    /// <paramref name="accountDeleted"/>, all in one transaction; the ETag on the account makes a concurrent change (say,
    /// a new sign-in) retry the erasure with that change in view.
    /// </summary>
    /// <returns>The erased account, or null when there was none.</returns>
    public async Task<UserAccount?> EraseAsync(Guid id, OutboxEvent accountDeleted, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxTransactionAttempts; attempt++)
        {
            var (user, userETag) = await dapr.GetStateAndETagAsync<UserAccount>(ComponentNames.StateStore, StateKeys.User(id), cancellationToken: cancellationToken);
            if (user is null) return null;

            var (ids, idsETag) = await ReadUserIdsAsync(cancellationToken);
            StateTransactionRequest[] operations =
            [
                Delete(StateKeys.User(id), userETag),
                Delete(StateKeys.UserByEmail(user.NormalizedEmail), etag: null),
                dapr.Upsert(StateKeys.UserIds, (IReadOnlyList<Guid>)[.. ids.Where(existing => existing != id)], idsETag),
                .. user.Sessions.Select(session => Delete(StateKeys.RefreshFamily(session.FamilyId), etag: null)),
            ];
            if (await outbox.TryCommitAsync(operations, accountDeleted, cancellationToken)) return user;
            await BackOffAsync(cancellationToken);
        }

        throw new InvalidOperationException($"Could not erase account {id} after {MaxTransactionAttempts} attempts of contention.");
    }

    private async Task<Guid?> FindIdByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        (await dapr.GetStateAsync<EmailIndexEntry>(ComponentNames.StateStore, StateKeys.UserByEmail(normalizedEmail), cancellationToken: cancellationToken))?.UserId;

    private async Task<(IReadOnlyList<Guid> Ids, string ETag)> ReadUserIdsAsync(CancellationToken cancellationToken)
    {
        var (ids, etag) = await dapr.GetStateAndETagAsync<List<Guid>>(ComponentNames.StateStore, StateKeys.UserIds, cancellationToken: cancellationToken);
        return (ids ?? [], etag);
    }

    private static StateTransactionRequest Delete(string key, string? etag) => new(key, value: null, StateOperationType.Delete, etag);

    private static Task BackOffAsync(CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50)), cancellationToken);

    private sealed record EmailIndexEntry(Guid UserId);
}
