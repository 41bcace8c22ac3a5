namespace DaprShop.Gateway.Correlation;

public static class CorrelationIdApplicationBuilderExtensions
{
    /// <summary>Call first, so every response carries the id, including those of the ServiceDefaults error handlers.</summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.UseMiddleware<CorrelationIdMiddleware>();
}
