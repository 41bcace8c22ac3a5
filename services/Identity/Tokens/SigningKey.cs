using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using DaprShop.Contracts.Identity;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Identity.Tokens;

/// <summary>
/// Identity's RSA key: the private half signs access tokens, the public half is published as a JWK whose <c>kid</c>
/// is its RFC 7638 thumbprint, so a new key always gets a new id and validators know to refetch.
/// </summary>
internal sealed class SigningKey
{
    private SigningKey(RSA rsa)
    {
        var publicParameters = rsa.ExportParameters(includePrivateParameters: false);
        Modulus = Base64Url.EncodeToString(publicParameters.Modulus);
        Exponent = Base64Url.EncodeToString(publicParameters.Exponent);
        KeyId = ThumbprintOf(Modulus, Exponent);
        Credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

        var publicOnly = RSA.Create();
        publicOnly.ImportParameters(publicParameters);
        PublicKey = new RsaSecurityKey(publicOnly) { KeyId = KeyId };
    }

    public string KeyId { get; }

    /// <summary>The base64url modulus <c>n</c> of the JWK.</summary>
    public string Modulus { get; }

    /// <summary>The base64url public exponent <c>e</c> of the JWK.</summary>
    public string Exponent { get; }

    public SigningCredentials Credentials { get; }

    public SecurityKey PublicKey { get; }

    /// <summary>Reads a PEM private key (PKCS#8 <c>BEGIN PRIVATE KEY</c>, or PKCS#1 <c>BEGIN RSA PRIVATE KEY</c>).</summary>
    /// <exception cref="ArgumentException">The text holds no RSA private key.</exception>
    public static SigningKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new SigningKey(rsa);
    }

    /// <summary>The key as a JSON Web Key (RFC 7517) for <c>/.well-known/jwks.json</c>.</summary>
    public PublicJsonWebKey ToJsonWebKey() => new("RSA", "sig", AccessTokenClaims.Algorithm, KeyId, Modulus, Exponent);

    /// <summary>RFC 7638: SHA-256 over the required members in lexicographic order, without whitespace, base64url.</summary>
    public static string ThumbprintOf(string modulus, string exponent) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"e":"{{exponent}}","kty":"RSA","n":"{{modulus}}"}""")));
}
