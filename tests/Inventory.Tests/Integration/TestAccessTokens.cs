using System.Security.Claims;
using System.Security.Cryptography;
using DaprShop.Contracts.Identity;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Inventory.Tests.Integration;

/// <summary>Plays identity: an RSA key of its own, served to the app as its <see cref="ISigningKeySource"/>, and access tokens signed with it.</summary>
public sealed class TestAccessTokens : ISigningKeySource, IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;

    public TestAccessTokens() => _key = new RsaSecurityKey(_rsa) { KeyId = "inventory-tests" };

    public string Admin() => Issue(Roles.Admin);

    public string Customer() => Issue(Roles.Customer);

    public ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyCollection<SecurityKey>>([_key]);

    public void Dispose() => _rsa.Dispose();

    private string Issue(string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = AccessTokenClaims.Issuer,
        Audience = AccessTokenClaims.Audience,
        Expires = DateTime.UtcNow.AddMinutes(15),
        Subject = new ClaimsIdentity(
        [
            new Claim(AccessTokenClaims.Subject, Guid.CreateVersion7().ToString()),
            new Claim(AccessTokenClaims.Name, role + " for tests"),
            new Claim(AccessTokenClaims.Role, role),
        ]),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });
}
