namespace DaprShop.Identity.Tokens;

/// <summary>One public RSA key as JWKS publishes it (RFC 7517 member names).</summary>
public sealed record PublicJsonWebKey(string Kty, string Use, string Alg, string Kid, string N, string E);
