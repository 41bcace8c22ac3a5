using DaprShop.Dapr;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

public static class SubscribeHandlerEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <c>GET /dapr/subscribe</c>: the topics declared with <c>WithTopic</c> on this app's endpoints.
    /// The list is built once, when the request pipeline is built at start-up, so a duplicate subscription
    /// or an unreachable topic route stops the app from starting instead of silently losing events.
    /// </summary>
    public static IEndpointConventionBuilder MapSubscribeHandler(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var catalog = new Lazy<IReadOnlyList<SubscriptionDocument>>(
            () => TopicSubscriptionCatalog.Build(endpoints.DataSources.SelectMany(source => source.Endpoints)));

        if (endpoints is IApplicationBuilder application)
        {
            // Runs while the pipeline is composed (app start), after Program.cs has mapped every endpoint.
            application.Use(next =>
            {
                _ = catalog.Value;
                return next;
            });
        }

        return endpoints.MapGet("/dapr/subscribe", () => Results.Json(catalog.Value))
            .ExcludeFromDescription();
    }
}
