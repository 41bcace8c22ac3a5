using DaprShop.Contracts.Identity;
using Microsoft.AspNetCore.Authorization;

namespace DaprShop.ServiceDefaults.Auth;

/// <summary>
/// Authorization policies every service uses on its endpoints: <c>.RequireAuthorization(AuthPolicies.Admin)</c>.
/// Endpoints without one are public; ownership ("only my own cart") is checked by the handler against
/// <see cref="ClaimsPrincipalExtensions.GetUserId"/>.
/// </summary>
public static class AuthPolicies
{
    /// <summary>Any signed-in account, customer or admin.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Accounts with the <see cref="Roles.Admin"/> role.</summary>
    public const string Admin = "admin";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireClaim(AccessTokenClaims.Role, Roles.Admin));
    }
}
