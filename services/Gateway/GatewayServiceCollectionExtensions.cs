using DaprShop.Gateway.Forwarding;

namespace DaprShop.Gateway;

public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddGateway(this IServiceCollection services) =>
        services.AddSingleton<SidecarForwarder>();
}
