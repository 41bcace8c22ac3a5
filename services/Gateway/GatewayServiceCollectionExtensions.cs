using DaprShop.Gateway.Authentication;
using DaprShop.Gateway.Cors;
using DaprShop.Gateway.Forwarding;
using DaprShop.Gateway.OpenApi;
using DaprShop.Gateway.RateLimiting;

namespace DaprShop.Gateway;

public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddGateway(this IServiceCollection services) =>
        services
            .AddSingleton<SidecarForwarder>()
            .AddUnverifiableTokenRefusal()
            .AddGatewayCors()
            .AddGatewayRateLimits()
            .AddAggregatedSwaggerUi();
}
