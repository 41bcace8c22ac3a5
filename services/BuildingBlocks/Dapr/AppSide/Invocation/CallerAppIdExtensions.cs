using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Service-to-service endpoints: only the named apps may call them. The caller's sidecar sets
/// <c>dapr-caller-app-id</c>, and the app API token guarantees that the request came through this app's sidecar; the
/// gateway drops <c>dapr-*</c> headers from the public, so a public request always arrives as the gateway.
/// </summary>
public static class CallerAppIdExtensions
{
    public const string CallerAppIdHeader = "dapr-caller-app-id";

    public static TBuilder RequireDaprCallerApp<TBuilder>(this TBuilder builder, params string[] appIds)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = context.HttpContext.Request.Headers[CallerAppIdHeader].ToString();
            return appIds.Contains(caller, StringComparer.Ordinal)
                ? await next(context)
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "This endpoint serves other DaprShop apps only.");
        });
}
