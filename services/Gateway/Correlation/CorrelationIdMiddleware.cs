namespace DaprShop.Gateway.Correlation;

/// <summary>
/// Settles the request's <see cref="CorrelationId"/> before anything else runs: it replaces the request header (so
/// forwarding passes it on unchanged), is echoed on every response, errors included, and tags the gateway's logs.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = CorrelationId.FromRequestHeader(context.Request.Headers[CorrelationId.HeaderName]);
        context.Request.Headers[CorrelationId.HeaderName] = correlationId;
        context.Response.OnStarting(() =>
        {
            // Set last, over whatever a forwarded response carried.
            context.Response.Headers[CorrelationId.HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }
}
