using DaprShop.Contracts.Identity;
using DaprShop.Identity.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Identity.Api;

/// <summary>The public keys that verify identity's access tokens (RFC 7517 JWK set), for the gateway and every service.</summary>
public static class JwksApi
{
    public static IEndpointRouteBuilder MapJwksApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/" + AccessTokenClaims.JwksPath, GetKeysAsync).WithName("GetJsonWebKeySet").WithTags("Keys");
        return endpoints;
    }

    private static async Task<Ok<JsonWebKeySetDocument>> GetKeysAsync(SigningKeyProvider keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(new JsonWebKeySetDocument([(await keys.GetAsync(cancellationToken)).ToJsonWebKey()]));
}
