using DaprShop.Gateway.Authentication;
using DaprShop.Gateway.Forwarding;
using DaprShop.Gateway.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Gateway.Api;

public static class GatewayApi
{
    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(GatewayRoutes.Pattern, GatewayRoutes.ForwardedMethods, ForwardAsync)
            // The public edge is called by browsers and clients, never by the sidecar, so there is no app API token to present.
            .AllowWithoutDaprAppToken()
            .AddEndpointFilter<RejectInvalidBearerToken>()
            .WithName("ForwardToApp")
            .WithSummary("Forwards /api/{app}/{rest} to /{rest} on app {app} through Dapr service invocation.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        // Without an endpoint, a public caller's request would meet the app API token check and get a 401 that talks
        // about the sidecar; a stray path or method deserves a plain 404 or 405.
        endpoints.MapFallback("{**path}", NoSuchRoute)
            .AllowWithoutDaprAppToken()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static ProblemHttpResult NoSuchRoute(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Public routes are /api/{app}/{path}.");
        }

        // Under /api every path has a route, so only the method can have missed it.
        context.Response.Headers.Allow = string.Join(", ", GatewayRoutes.ForwardedMethods);
        return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, detail: $"The gateway forwards {string.Join(", ", GatewayRoutes.ForwardedMethods)}.");
    }

    private static async Task<Results<ProxiedResponse, ProblemHttpResult>> ForwardAsync(
        string app, string? rest, HttpContext context, SidecarForwarder forwarder, ILogger<SidecarForwarder> logger)
    {
        var decision = GatewayRoutes.Decide(app, rest);
        if (decision is RouteDecision.Refuse refusal)
        {
            return TypedResults.Problem(statusCode: refusal.StatusCode, detail: refusal.Detail);
        }

        var target = (RouteDecision.Forward)decision;
        if (HeaderRules.FirstNonAsciiHeader(context.Request.Headers) is { } header)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"The value of header '{header}' is not ASCII; HTTP header values must be.");
        }

        HttpResponseMessage response;
        try
        {
            response = await forwarder.SendAsync(context, target);
        }
        catch (HttpRequestException error) when (error.InnerException is BadHttpRequestException unreadableRequest)
        {
            // Reading the caller's body failed (too large, cut short): that is the caller's error, with its own status.
            throw unreadableRequest;
        }
        catch (HttpRequestException error)
        {
            logger.LogWarning(error, "The Dapr sidecar could not be reached to invoke app {TargetAppId}", target.AppId);
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, detail: "The gateway could not reach its Dapr sidecar.");
        }
        catch (TaskCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status504GatewayTimeout, detail: $"App '{target.AppId}' did not answer in time.");
        }

        if (await DaprInvocationError.TryReadAsync(response, context.RequestAborted) is var (errorCode, message))
        {
            // Dapr's wording names internals (ports, resolvers); the caller learns which app failed, the log learns why.
            // TargetAppId, not AppId: that property already names the app writing the log line.
            response.Dispose();
            logger.LogWarning("Invoking app {TargetAppId} failed in Dapr: {ErrorCode} {DaprMessage}", target.AppId, errorCode, message);
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, detail: $"App '{target.AppId}' cannot be reached right now.");
        }

        if (PublicOpenApiDocument.IsRequested(context.Request, target))
        {
            await PublicOpenApiDocument.PointServersAtAsync(response, $"{context.Request.PathBase}/api/{app}", context.RequestAborted);
        }

        return new ProxiedResponse(response);
    }
}
