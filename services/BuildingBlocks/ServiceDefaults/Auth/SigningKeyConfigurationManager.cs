using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DaprShop.ServiceDefaults.Auth;

/// <summary>
/// Feeds JwtBearer the keys of an <see cref="ISigningKeySource"/> in place of OpenID Connect discovery. JwtBearer calls
/// <see cref="RequestRefresh"/> when a token names an unknown key id; the next request then asks for fresh keys.
/// </summary>
internal sealed class SigningKeyConfigurationManager(ISigningKeySource source) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private volatile bool _refreshRequested;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var refresh = _refreshRequested;
        _refreshRequested = false;
        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in await source.GetSigningKeysAsync(refresh, cancel))
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    public void RequestRefresh() => _refreshRequested = true;
}
