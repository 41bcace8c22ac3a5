using DaprShop.Contracts.Identity;
using DaprShop.Identity.Domain;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Identity.Tokens;

/// <summary>
/// Signs RS256 access tokens carrying exactly the claims of <see cref="AccessTokenClaims"/>: iss, aud, sub, email,
/// name, role (an array, one entry per role), iat, exp and a fresh jti.
/// </summary>
internal sealed class AccessTokenIssuer(SigningKeyProvider keys, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> IssueAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var key = await keys.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AccessTokenClaims.Issuer,
            Audience = AccessTokenClaims.Audience,
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = key.Credentials,
            Claims = new Dictionary<string, object>
            {
                [AccessTokenClaims.Subject] = user.Id.ToString(),
                [AccessTokenClaims.Email] = user.Email,
                [AccessTokenClaims.Name] = user.Name,
                [AccessTokenClaims.Role] = user.Roles.ToArray(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
            },
        });
    }
}
