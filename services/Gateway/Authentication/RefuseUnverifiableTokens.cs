using DaprShop.Contracts.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;

namespace DaprShop.Gateway.Authentication;

/// <summary>
/// Fails a bearer token that no key could ever verify (not a compact JWS, or signed with anything but RS256) before
/// JwtBearer looks up identity's keys: such forgeries then cost identity no request, and are still a 401, not a 503,
/// while identity is down.
/// </summary>
internal static class RefuseUnverifiableTokens
{
    private const string BearerPrefix = "Bearer ";

    public static IServiceCollection AddUnverifiableTokenRefusal(this IServiceCollection services)
    {
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
            bearer.Events = new JwtBearerEvents { OnMessageReceived = RefuseIfUnverifiable });
        return services;
    }

    private static Task RefuseIfUnverifiable(MessageReceivedContext context)
    {
        var authorization = context.Request.Headers[HeaderNames.Authorization].ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        if (token.Length > 0 && !IsVerifiable(token))
        {
            context.Fail($"The token is not a JWS signed with {AccessTokenClaims.Algorithm}.");
        }

        return Task.CompletedTask;
    }

    private static bool IsVerifiable(string token)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token)) return false;
        try
        {
            var parsed = handler.ReadJsonWebToken(token);
            return parsed.Alg == AccessTokenClaims.Algorithm && !string.IsNullOrEmpty(parsed.EncodedSignature);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
