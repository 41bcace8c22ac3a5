using DaprShop.Identity.Tokens;

namespace DaprShop.Identity.Tests.Domain;

public sealed class SigningKeyTests
{
    [Fact]
    public void The_key_id_is_the_rfc_7638_thumbprint_of_its_example_key()
    {
        // RFC 7638 §3.1.
        const string modulus =
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", SigningKey.ThumbprintOf(modulus, "AQAB"));
    }

    [Fact]
    public void A_pkcs8_pem_loads_and_its_jwk_carries_the_public_half_only()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);

        var jwk = SigningKey.FromPem(rsa.ExportPkcs8PrivateKeyPem()).ToJsonWebKey();

        Assert.Equal(("RSA", "sig", "RS256"), (jwk.Kty, jwk.Use, jwk.Alg));
        Assert.Equal(SigningKey.ThumbprintOf(jwk.N, jwk.E), jwk.Kid);
    }

    [Fact]
    public void Text_without_a_private_key_is_refused() =>
        Assert.ThrowsAny<ArgumentException>(() => SigningKey.FromPem("not a key"));
}
