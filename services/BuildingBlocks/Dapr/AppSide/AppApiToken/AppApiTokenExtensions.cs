using DaprShop.Dapr;

namespace Microsoft.AspNetCore.Builder;

public static class AppApiTokenExtensions
{
    /// <summary>
    /// Rejects requests without the sidecar's <c>dapr-api-token</c> when <c>APP_API_TOKEN</c> is set (see
    /// <see cref="AppApiTokenOptions"/>). Call after <c>UseRouting</c>.
    /// </summary>
    public static IApplicationBuilder UseDaprAppApiToken(this IApplicationBuilder app, Action<AppApiTokenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);

        var options = new AppApiTokenOptions();
        configure?.Invoke(options);
        return app.UseMiddleware<AppApiTokenMiddleware>(Microsoft.Extensions.Options.Options.Create(options));
    }

    /// <summary>Lets callers other than the sidecar reach this endpoint (public gateway routes, health probes).</summary>
    public static TBuilder AllowWithoutDaprAppToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AllowWithoutDaprAppTokenMetadata.Instance);
}
