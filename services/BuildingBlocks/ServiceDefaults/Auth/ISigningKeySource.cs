using Microsoft.IdentityModel.Tokens;

namespace DaprShop.ServiceDefaults.Auth;

/// <summary>
/// Where a service finds the public keys that sign access tokens. Every service but identity asks identity's JWKS
/// through its sidecar (<see cref="DaprJwksSigningKeySource"/>); identity replaces this with its own key.
/// </summary>
public interface ISigningKeySource
{
    /// <param name="refresh">The token named a key id not in the last answer: look again (identity may have rotated).</param>
    ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken);
}
