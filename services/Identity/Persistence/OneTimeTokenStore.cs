using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Persistence;

/// <summary>
/// Single-use, expiring tokens sent by email (key <c>{purpose}:{sha256 of token}</c>, with a state TTL). The store holds
/// only the hash; a token is used up by an ETag-guarded delete, so two requests racing with one token cannot both win.
/// </summary>
internal sealed class OneTimeTokenStore(DaprClient dapr, TimeProvider clock)
{
    /// <returns>The token to send; it is not stored anywhere.</returns>
    public async Task<string> IssueAsync(OneTimeTokenPurpose purpose, Guid userId, CancellationToken cancellationToken)
    {
        var token = SecretToken.Create();
        var grant = new Grant(userId, clock.GetUtcNow() + purpose.Lifetime);
        await dapr.SaveStateAsync(
            ComponentNames.StateStore, KeyOf(purpose, token), grant, metadata: StateKeys.ExpiringAfter(purpose.Lifetime), cancellationToken: cancellationToken);
        return token;
    }

    /// <returns>The user the token was issued to, or null when it is unknown, expired or already used.</returns>
    public async Task<Guid?> ConsumeAsync(OneTimeTokenPurpose purpose, string token, CancellationToken cancellationToken)
    {
        if (!SecretToken.IsWellFormed(token)) return null;

        var key = KeyOf(purpose, token);
        var (grant, etag) = await dapr.GetStateAndETagAsync<Grant>(ComponentNames.StateStore, key, cancellationToken: cancellationToken);
        if (grant is null) return null;

        // Delete even an expired grant; the expiry check does not rely on the store having applied its TTL yet.
        var consumed = await dapr.TryDeleteStateAsync(ComponentNames.StateStore, key, etag, cancellationToken: cancellationToken);
        return consumed && grant.ExpiresAt > clock.GetUtcNow() ? grant.UserId : null;
    }

    private static string KeyOf(OneTimeTokenPurpose purpose, string token) => StateKeys.OneTimeToken(purpose.KeyKind, SecretToken.HashOf(token));

    private sealed record Grant(Guid UserId, DateTimeOffset ExpiresAt);
}
