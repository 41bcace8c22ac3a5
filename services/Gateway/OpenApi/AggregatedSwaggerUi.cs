using DaprShop.Contracts;
using DaprShop.Gateway.Routing;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace DaprShop.Gateway.OpenApi;

/// <summary>
/// Turns the gateway's Swagger UI (<c>/swagger</c>, served by ServiceDefaults) into one UI for the whole shop: its
/// document list gains every app's <c>/openapi/v1.json</c>, fetched through the gateway like any public path.
/// </summary>
internal static class AggregatedSwaggerUi
{
    public static string DocumentPath(string appId) => $"/api/{appId}/openapi/v1.json";

    public static IServiceCollection AddAggregatedSwaggerUi(this IServiceCollection services) =>
        // ServiceDefaults' UseSwaggerUI starts from these options and appends the gateway's own document after the apps'.
        services.Configure<SwaggerUIOptions>(ui =>
        {
            foreach (var appId in AppIds.All.Where(GatewayRoutes.RoutableAppIds.Contains))
            {
                // Relative to /swagger/index.html, so the UI keeps working if the gateway itself is put under a prefix.
                ui.SwaggerEndpoint($"..{DocumentPath(appId)}", appId);
            }
        });
}
