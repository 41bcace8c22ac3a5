using DaprShop.Dapr;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

public static class CloudEventsApplicationBuilderExtensions
{
    /// <summary>Adds the middleware that unwraps CloudEvents delivered by daprd (see <see cref="ICloudEventFeature"/>).</summary>
    public static IApplicationBuilder UseCloudEvents(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<CloudEventsMiddleware>();
    }

    /// <summary>The CloudEvent envelope of this request, or null when the request was not a CloudEvent.</summary>
    public static CloudEventAttributes? GetCloudEvent(this HttpContext context) =>
        context.Features.Get<ICloudEventFeature>()?.CloudEvent;
}
