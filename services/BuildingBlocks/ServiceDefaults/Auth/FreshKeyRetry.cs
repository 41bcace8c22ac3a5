using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.ServiceDefaults.Auth;

/// <summary>
/// A token signed with a key identity has just rotated in names a key id the cached keys lack. JwtBearer would fail
/// that request and refresh only for the next one; this validates it again, at once, against freshly fetched keys
/// (the key source limits how often that fetch really happens, so made-up key ids cannot flood identity).
/// </summary>
internal static class FreshKeyRetry
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public static async Task OnAuthenticationFailedAsync(AuthenticationFailedContext context)
    {
        if (context.Exception is not SecurityTokenSignatureKeyNotFoundException
            || BearerToken(context) is not { } token)
        {
            return;
        }

        var keys = await context.HttpContext.RequestServices.GetRequiredService<ISigningKeySource>()
            .GetSigningKeysAsync(refresh: true, context.HttpContext.RequestAborted);
        var parameters = context.Options.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = keys;
        var result = await Handler.ValidateTokenAsync(token, parameters);
        if (result.IsValid)
        {
            context.Principal = new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity);
            context.Success();
        }
    }

    private static string? BearerToken(AuthenticationFailedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
