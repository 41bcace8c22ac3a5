using DaprShop.ServiceDefaults.Auth;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Identity.Tokens;

/// <summary>Identity validates its own access tokens with the key it signs them with, instead of asking itself for its JWKS.</summary>
internal sealed class LocalSigningKeySource(SigningKeyProvider keys) : ISigningKeySource
{
    public async ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        [(await keys.GetAsync(cancellationToken)).PublicKey];
}
