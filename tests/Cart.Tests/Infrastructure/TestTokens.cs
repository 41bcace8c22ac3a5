using System.Security.Claims;
using System.Security.Cryptography;
using DaprShop.Contracts.Identity;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Cart.Tests.Infrastructure;

/// <summary>Issues access tokens shaped like identity's, signed with a test RSA key that the cart app trusts in place of identity's JWKS.</summary>
public sealed class TestTokens : ISigningKeySource
{
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "cart-tests" };

    public ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyCollection<SecurityKey>>([_key]);

    public string Issue(Guid userId, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AccessTokenClaims.Issuer,
            Audience = AccessTokenClaims.Audience,
            Subject = new ClaimsIdentity([new Claim(AccessTokenClaims.Subject, userId.ToString()), new Claim(AccessTokenClaims.Role, Roles.Customer)]),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(15)).AddMinutes(-30),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(15),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
}
