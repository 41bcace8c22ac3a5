using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Dapr;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.ServiceDefaults.Auth;

/// <summary>
/// Identity's JWKS, fetched by service invocation and cached. A refresh (a token with an unknown <c>kid</c>) refetches,
/// but at most once per <see cref="MinimumRefreshInterval"/>, so tokens with made-up key ids cannot flood identity.
/// </summary>
public sealed class DaprJwksSigningKeySource(DaprClient dapr, TimeProvider clock, ILogger<DaprJwksSigningKeySource> logger) : ISigningKeySource
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private IReadOnlyCollection<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!IsDue(refresh))
        {
            return _keys;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (IsDue(refresh))
            {
                using var request = dapr.CreateInvokeMethodRequest(HttpMethod.Get, AppIds.Identity, AccessTokenClaims.JwksPath);
                using var response = await dapr.InvokeMethodWithResponseAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                var json = await response.Content.ReadAsStringAsync(cancellationToken);
                _keys = [.. new JsonWebKeySet(json).GetSigningKeys()];
                _fetchedAt = clock.GetUtcNow();
                logger.LogInformation("Loaded {KeyCount} token signing keys from identity", _keys.Count);
            }

            return _keys;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private bool IsDue(bool refresh)
    {
        var age = clock.GetUtcNow() - _fetchedAt;
        return _keys.Count == 0 || age >= CacheLifetime || (refresh && age >= MinimumRefreshInterval);
    }
}
