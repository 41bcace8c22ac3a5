using System.Security.Cryptography;
using System.Text.Json;
using DaprShop.Contracts.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Gateway.Tests;

/// <summary>An RSA key made for the test, standing in for identity's signing key, and the tokens it (or a forger) makes.</summary>
internal sealed class TestSigningKey
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    /// <summary>The key set identity would publish, holding these public keys.</summary>
    public static string JwksOf(params TestSigningKey[] keys) =>
        JsonSerializer.Serialize(new
        {
            keys = keys.Select(key => key._rsa.ExportParameters(includePrivateParameters: false)).Zip(keys, (parameters, key) => new
            {
                kty = "RSA",
                use = "sig",
                alg = AccessTokenClaims.Algorithm,
                kid = key.KeyId,
                n = Base64UrlEncoder.Encode(parameters.Modulus),
                e = Base64UrlEncoder.Encode(parameters.Exponent),
            }),
        });

    /// <summary>The public key's bytes, which a forger knows and might try as an HMAC secret.</summary>
    public byte[] PublicKeyBytes => _rsa.ExportSubjectPublicKeyInfo();

    public string Issue(Guid? userId = null, string issuer = AccessTokenClaims.Issuer, string audience = AccessTokenClaims.Audience, DateTime? expires = null) =>
        Sign(Descriptor(userId ?? Guid.CreateVersion7(), issuer, audience, expires),
            new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256));

    /// <summary>A token with this key's id, signed with HS256 using <paramref name="secret"/>.</summary>
    public string IssueHmac(byte[] secret) =>
        Sign(Descriptor(Guid.CreateVersion7(), AccessTokenClaims.Issuer, AccessTokenClaims.Audience, expires: null),
            new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = KeyId }, SecurityAlgorithms.HmacSha256));

    /// <summary>A well-formed, unexpired token with <c>alg: none</c> and no signature.</summary>
    public static string IssueUnsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"{{Guid.CreateVersion7()}}","iss":"{{AccessTokenClaims.Issuer}}","aud":"{{AccessTokenClaims.Audience}}","exp":{{expires}},"role":"admin"}""");
        return $"{header}.{payload}.";
    }

    /// <summary>A genuine token whose payload was then edited (made admin), keeping the original signature.</summary>
    public string IssueTampered()
    {
        var parts = Issue().Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload[AccessTokenClaims.Role] = JsonSerializer.SerializeToElement(Roles.Admin);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
    }

    private static SecurityTokenDescriptor Descriptor(Guid userId, string issuer, string audience, DateTime? expires)
    {
        var expiresAt = expires ?? DateTime.UtcNow.AddMinutes(15);
        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiresAt.AddMinutes(-15),
            NotBefore = expiresAt.AddMinutes(-15),
            Expires = expiresAt,
            Claims = new Dictionary<string, object>
            {
                [AccessTokenClaims.Subject] = userId.ToString(),
                [AccessTokenClaims.Email] = "shopper@example.com",
                [AccessTokenClaims.Role] = Roles.Customer,
            },
        };
    }

    private static string Sign(SecurityTokenDescriptor descriptor, SigningCredentials credentials)
    {
        descriptor.SigningCredentials = credentials;
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
