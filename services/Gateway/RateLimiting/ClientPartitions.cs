using System.Threading.RateLimiting;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Gateway.RateLimiting;

/// <summary>Which limit a request counts against, and for which client.</summary>
internal static class ClientPartitions
{
    public static RateLimitPartition<string> For(HttpContext context, GatewayRateLimitOptions limits)
    {
        var request = context.Request;
        if (AccountCredentialRoutes.Contains(request.Method, request.RouteValues["app"] as string, request.RouteValues["rest"] as string))
        {
            return FixedWindow($"login:{ClientAddress(context)}", limits.Login);
        }

        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            // The user is known only from a token the authentication middleware validated; a forged sub counts as nobody.
            var client = context.User.GetUserId() is { } userId ? $"user:{userId}" : $"ip:{ClientAddress(context)}";
            return FixedWindow($"writes:{client}", limits.Writes);
        }

        return RateLimitPartition.GetNoLimiter("reads");
    }

    /// <summary>
    /// The peer's address: the gateway is the edge, so X-Forwarded-For would be the caller's own claim. Put behind a
    /// proxy, it needs the forwarded-headers middleware with that proxy as the one trusted hop.
    /// </summary>
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> FixedWindow(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
}
