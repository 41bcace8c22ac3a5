using DaprShop.Sidecar.Actors;
using DaprShop.Sidecar.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Runtime;

/// <summary>
/// The request pipeline, in daprd's order: clean path → (internal port: straight to the app, or an actor call placed on this host) → API token →
/// routes, with unknown routes falling back to header-addressed invocation; API errors become daprd's error body.
/// </summary>
public static class SidecarPipeline
{
    private const string ApiTokenHeader = "dapr-api-token";

    public static void Configure(WebApplication web, SidecarRuntime runtime)
    {
        var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("http");
        web.Use(async (context, next) =>
        {
            try
            {
                if (context.Connection.LocalPort == runtime.InternalPort)
                {
                    if (context.Request.Headers.ContainsKey(ActorPlacement.ForwardedHeader)) await ActorsApi.HandleForwardedAsync(context, runtime);
                    else await InternalInvocation.HandleAsync(context, runtime);
                    return;
                }
                CleanPath(context.Request);
                if (!IsAuthorized(context.Request, runtime.Options.ApiToken))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync("invalid api token\n");
                    return;
                }
                await next(context);
                if (runtime.Options.EnableApiLogging)
                    logger.LogInformation("HTTP API Called: {Method} {Path} → {Status}", context.Request.Method, context.Request.Path, context.Response.StatusCode);
            }
            catch (DaprApiError error) when (!context.Response.HasStarted)
            {
                await ApiResponse.Error(context, error);
            }
            catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
            {
                logger.LogError(error, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
                await ApiResponse.Error(context, new DaprApiError(500, "ERROR", error.Message));
            }
        });
        web.UseRouting();
        // daprd routes unmatched paths and unmatched methods to the invocation handler (router NotFound and
        // MethodNotAllowed), which answers 404 ERR_DIRECT_INVOKE when no dapr-app-id header is present.
        web.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            return endpoint is null || endpoint.DisplayName == "405 HTTP Method Not Supported"
                ? InvokeApi.FallbackAsync(context, runtime)
                : next(context);
        });
        web.MapInvokeApi();
        web.MapStateApi();
        web.MapPublishApi();
        web.MapSecretsApi();
        web.MapBindingsApi();
        web.MapActorsApi();
        web.MapMetadataApi();
        web.MapHealthApi();
    }

    private static bool IsAuthorized(HttpRequest request, string? token)
    {
        if (string.IsNullOrEmpty(token)) return true;
        var presented = request.Headers[ApiTokenHeader].ToString();
        var exempt = HttpMethods.IsGet(request.Method) && request.Path.Value is "/v1.0/healthz" or "/v1.0/healthz/outbound";
        if (presented != token && !exempt) return false;
        request.Headers.Remove(ApiTokenHeader);
        return true;
    }

    /// <summary>Collapses duplicate slashes and strips a trailing slash, like daprd's CleanPath/StripSlashes middlewares.</summary>
    private static void CleanPath(HttpRequest request)
    {
        var path = request.Path.Value;
        if (string.IsNullOrEmpty(path) || path == "/") return;
        if (path.Contains("//", StringComparison.Ordinal))
        {
            while (path.Contains("//", StringComparison.Ordinal)) path = path.Replace("//", "/", StringComparison.Ordinal);
        }
        if (path.Length > 1 && path.EndsWith('/')) path = path[..^1];
        // new PathString keeps the decoded value as is; assigning a string would unescape it a second time.
        request.Path = new PathString(path);
    }
}
