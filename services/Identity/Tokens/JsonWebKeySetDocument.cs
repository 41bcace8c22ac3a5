namespace DaprShop.Identity.Tokens;

/// <summary>The body of <c>/.well-known/jwks.json</c>: <c>{"keys": [...]}</c>.</summary>
public sealed record JsonWebKeySetDocument(IReadOnlyList<PublicJsonWebKey> Keys);
