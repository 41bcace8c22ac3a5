using DaprShop.Contracts.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.ServiceDefaults.Auth;

/// <summary>
/// Bearer authentication with identity's RS256 access tokens, in every service: the gateway checks a token before it
/// forwards a request, and each service checks it again (it never trusts the gateway's word) with keys from
/// <see cref="ISigningKeySource"/>. Only RS256 is accepted, so <c>alg: none</c> and HMAC forgeries fail.
/// </summary>
internal static class AuthenticationSetup
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddAccessTokenAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISigningKeySource, DaprJwksSigningKeySource>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<ISigningKeySource>((bearer, keys) =>
            {
                bearer.MapInboundClaims = false;
                bearer.RefreshOnIssuerKeyNotFound = true;
                bearer.ConfigurationManager = new SigningKeyConfigurationManager(keys);
                bearer.TokenValidationParameters = ValidationParameters();
                bearer.Events = new JwtBearerEvents { OnAuthenticationFailed = FreshKeyRetry.OnAuthenticationFailedAsync };
            });
        services.AddAuthorization(AuthPolicies.Add);
        return services;
    }

    public static TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = AccessTokenClaims.Issuer,
        ValidAudience = AccessTokenClaims.Audience,
        ValidAlgorithms = [AccessTokenClaims.Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
        NameClaimType = AccessTokenClaims.Name,
        RoleClaimType = AccessTokenClaims.Role,
    };
}
