namespace DaprShop.Gateway;

public static class GatewayApplicationBuilderExtensions
{
    /// <summary>
    /// CORS, then rate limits. Call after <c>UseServiceDefaults</c>: both need the matched route, and the rate limits
    /// need the user that authentication found in a valid token.
    /// </summary>
    public static IApplicationBuilder UseGatewayEdge(this IApplicationBuilder app) =>
        app.UseCors().UseRateLimiter();
}
