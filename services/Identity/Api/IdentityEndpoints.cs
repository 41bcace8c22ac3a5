namespace DaprShop.Identity.Api;

public static class IdentityEndpoints
{
    /// <summary>Every public endpoint of identity, one group per resource.</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapAccountApi().MapSessionApi().MapPasswordApi().MapProfileApi().MapUsersApi().MapJwksApi().MapInternalUsersApi();
}
