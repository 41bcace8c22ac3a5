using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Gateway.Correlation;
using DaprShop.Gateway.Routing;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DaprShop.Gateway.Cors;

/// <summary>
/// Cross-origin access for browser clients, answered entirely at the gateway (preflights never reach an app).
/// No credentials mode: callers authenticate with a bearer token they send themselves, never with cookies.
/// </summary>
internal static class CorsSetup
{
    public static readonly string[] AllowedRequestHeaders =
        [HeaderNames.Authorization, HeaderNames.ContentType, IdempotencyKey.HeaderName, CartHeaders.CartId, CorrelationId.HeaderName];

    public static readonly string[] ExposedResponseHeaders =
        [CartHeaders.CartId, CorrelationId.HeaderName, HeaderNames.RetryAfter, HeaderNames.Location];

    public static IServiceCollection AddGatewayCors(this IServiceCollection services)
    {
        services.AddOptions<GatewayCorsOptions>().BindConfiguration(GatewayCorsOptions.SectionName);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GatewayCorsOptions>>((cors, gateway) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(gateway.Value.Origins)
                .WithMethods([.. GatewayRoutes.ForwardedMethods])
                .WithHeaders(AllowedRequestHeaders)
                .WithExposedHeaders(ExposedResponseHeaders)
                // Browsers cap this anyway (Chromium at 2 h); it saves a preflight per write.
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}
