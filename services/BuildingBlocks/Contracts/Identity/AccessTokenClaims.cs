namespace DaprShop.Contracts.Identity;

/// <summary>
/// The shape of identity's RS256 access tokens, shared by the issuer (identity) and every validator (the gateway and
/// each service). Claim names are the JWT registered names, not .NET's long URIs.
/// </summary>
public static class AccessTokenClaims
{
    public const string Issuer = "daprshop-identity";
    public const string Audience = "daprshop";
    public const string Algorithm = "RS256";

    /// <summary>The user id (a Guid).</summary>
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    /// <summary>One claim per role (<see cref="Roles"/>).</summary>
    public const string Role = "role";

    /// <summary>Where identity serves its public keys, relative to its app root (and so behind <c>/api/identity/</c>).</summary>
    public const string JwksPath = ".well-known/jwks.json";
}
