using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>Health and shutdown (reference §8.2). Both healthz routes are exempt from the API token.</summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/v1.0/healthz", (HttpContext context, SidecarRuntime runtime) =>
        {
            if (context.Request.Query["appid"].ToString() is { Length: > 0 } appId && appId != runtime.Options.AppId)
                throw new DaprApiError(500, "ERR_HEALTH_APPID_NOT_MATCH", "dapr app-id does not match");
            if (!runtime.IsReady) throw new DaprApiError(500, "ERR_HEALTH_NOT_READY", "dapr is not ready");
            ApiResponse.NoContent(context);
        });
        // Components are initialised before the API starts serving, so outbound is ready as soon as it answers.
        api.MapGet("/v1.0/healthz/outbound", (HttpContext context) => ApiResponse.NoContent(context));
        api.MapPost("/v1.0/shutdown", (HttpContext context, SidecarRuntime runtime) =>
        {
            ApiResponse.NoContent(context);
            runtime.ShutdownRequested.TrySetResult();
        });
    }
}
