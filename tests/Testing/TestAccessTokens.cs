using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DaprShop.Contracts.Identity;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Testing;

/// <summary>
/// Access tokens shaped exactly like identity's (Contracts/Identity/AccessTokenClaims), signed with a key made for
/// the test, and the forgeries a service must refuse. Register it as the service's <see cref="ISigningKeySource"/>
/// (<c>services.AddSingleton&lt;ISigningKeySource&gt;(tokens)</c>) so the service trusts this key, as it would trust
/// identity's JWKS.
/// </summary>
public sealed class TestAccessTokens : ISigningKeySource
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TestAccessTokens()
    {
        SigningKey = NewKey();
    }

    public RsaSecurityKey SigningKey { get; }

    public ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyCollection<SecurityKey>>([SigningKey]);

    /// <summary>The public key as identity serves it at <c>.well-known/jwks.json</c>.</summary>
    public string JwksJson()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(SigningKey.Rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId });
        return $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{jwk.Kid}}","n":"{{jwk.N}}","e":"{{jwk.E}}"}]}""";
    }

    public string Customer(Guid userId) => Issue(userId, [Roles.Customer]);

    public string Admin(Guid userId) => Issue(userId, [Roles.Customer, Roles.Admin]);

    /// <summary>A valid token for <paramref name="userId"/> with <paramref name="roles"/>; the other parameters make it invalid.</summary>
    public string Issue(
        Guid userId, IReadOnlyList<string> roles, TimeSpan? lifetime = null, SecurityKey? signingKey = null,
        string issuer = AccessTokenClaims.Issuer, string audience = AccessTokenClaims.Audience)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(15));
        var identity = new ClaimsIdentity(
        [
            new Claim(AccessTokenClaims.Subject, userId.ToString()),
            new Claim(AccessTokenClaims.Email, $"{userId:N}@example.com"),
            new Claim(AccessTokenClaims.Name, "Test User"),
            .. roles.Select(role => new Claim(AccessTokenClaims.Role, role)),
        ]);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddMinutes(-15) : now,
            NotBefore = expires < now ? expires.AddMinutes(-15) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The forgeries every service must answer with 401, by name (for test output).</summary>
    public IReadOnlyDictionary<string, string> Forgeries(Guid userId)
    {
        var valid = Customer(userId);
        return new Dictionary<string, string>
        {
            ["alg none"] = AlgNone(valid),
            ["tampered payload"] = TamperedToAdmin(valid),
            ["signed with another key"] = Issue(userId, [Roles.Customer], signingKey: NewKey()),
            ["HS256 with the public key as secret"] = HmacWithPublicKey(userId),
            ["expired"] = Issue(userId, [Roles.Customer], lifetime: TimeSpan.FromMinutes(-5)),
            ["wrong issuer"] = Issue(userId, [Roles.Customer], issuer: "someone-else"),
            ["wrong audience"] = Issue(userId, [Roles.Customer], audience: "another-api"),
            ["not a JWT"] = "not-a-token",
        };
    }

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>The same claims with the header switched to <c>alg: none</c> and the signature dropped.</summary>
    private static string AlgNone(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{parts[1]}.";
    }

    /// <summary>The valid token's signature over a payload that now claims the admin role.</summary>
    private static string TamperedToAdmin(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var tampered = payload.Replace($"\"{AccessTokenClaims.Role}\":\"{Roles.Customer}\"", $"\"{AccessTokenClaims.Role}\":[\"{Roles.Customer}\",\"{Roles.Admin}\"]");
        if (tampered == payload) throw new InvalidOperationException($"The payload has no single customer role to tamper with: {payload}");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(tampered)}.{parts[2]}";
    }

    /// <summary>The classic key-confusion attack: an admin token signed with HMAC, using the RSA public key's bytes as the secret.</summary>
    private string HmacWithPublicKey(Guid userId) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim(AccessTokenClaims.Subject, userId.ToString()), new Claim(AccessTokenClaims.Role, Roles.Admin)]),
        Issuer = AccessTokenClaims.Issuer,
        Audience = AccessTokenClaims.Audience,
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddMinutes(15),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(SigningKey.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = SigningKey.KeyId }, SecurityAlgorithms.HmacSha256),
    });
}
