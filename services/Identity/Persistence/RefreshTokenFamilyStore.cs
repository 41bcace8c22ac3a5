using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Persistence;

/// <summary>Refresh-token families (key <c>refresh-family:{id}</c>), each expiring from the store when its sign-in does.</summary>
internal sealed class RefreshTokenFamilyStore(DaprClient dapr, TimeProvider clock)
{
    public Task<(RefreshTokenFamily? Family, string ETag)> FindAsync(Guid familyId, CancellationToken cancellationToken) =>
        dapr.GetStateAndETagAsync<RefreshTokenFamily>(ComponentNames.StateStore, StateKeys.RefreshFamily(familyId), cancellationToken: cancellationToken);

    public Task SaveAsync(RefreshTokenFamily family, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(ComponentNames.StateStore, StateKeys.RefreshFamily(family.Id), family, metadata: TimeToLive(family), cancellationToken: cancellationToken);

    /// <returns>False when the family changed since it was read: another request rotated or revoked it first.</returns>
    public Task<bool> TryReplaceAsync(RefreshTokenFamily family, string etag, CancellationToken cancellationToken) =>
        dapr.TrySaveStateAsync(ComponentNames.StateStore, StateKeys.RefreshFamily(family.Id), family, etag, metadata: TimeToLive(family), cancellationToken: cancellationToken);

    /// <summary>Revokes the sign-in: every token of the family stops working.</summary>
    public Task DeleteAsync(Guid familyId, CancellationToken cancellationToken) =>
        dapr.DeleteStateAsync(ComponentNames.StateStore, StateKeys.RefreshFamily(familyId), cancellationToken: cancellationToken);

    public async Task DeleteAllAsync(IEnumerable<SessionReference> sessions, CancellationToken cancellationToken)
    {
        foreach (var session in sessions) await DeleteAsync(session.FamilyId, cancellationToken);
    }

    private IReadOnlyDictionary<string, string> TimeToLive(RefreshTokenFamily family) => StateKeys.ExpiringAfter(family.ExpiresAt - clock.GetUtcNow());
}
