using System.Security.Claims;
using DaprShop.Contracts.Identity;

namespace DaprShop.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id (the token's <c>sub</c>), or null for an anonymous caller.</summary>
    public static Guid? GetUserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(AccessTokenClaims.Subject), out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(AccessTokenClaims.Role, Roles.Admin);
}
