using System.Security.Cryptography;
using DaprShop.Contracts.Identity;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Catalog.Tests.Integration;

/// <summary>
/// Stands in for identity: a test RSA key the catalog app under test trusts (as its <see cref="ISigningKeySource"/>),
/// and access tokens shaped like identity's, signed with it.
/// </summary>
public sealed class TestAccessTokens : ISigningKeySource
{
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "catalog-tests" };

    public string Admin() => Issue(Roles.Customer, Roles.Admin);

    public string Customer() => Issue(Roles.Customer);

    public ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyCollection<SecurityKey>>([_key]);

    private string Issue(params string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = AccessTokenClaims.Issuer,
        Audience = AccessTokenClaims.Audience,
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object>
        {
            [AccessTokenClaims.Subject] = Guid.CreateVersion7().ToString(),
            [AccessTokenClaims.Role] = roles,
        },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });
}
