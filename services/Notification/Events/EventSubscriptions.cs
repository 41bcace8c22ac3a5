using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Notification.Events;

/// <summary>The topics this app subscribes to, each on its <see cref="SidecarOnlyRoutes.ForTopic"/> route.</summary>
public static class EventSubscriptions
{
    public static IEndpointRouteBuilder MapEventSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(
                SidecarOnlyRoutes.ForTopic(Topics.ProductCreated),
                (ProductCreated productCreated, CloudEventAttributes cloudEvent, ProductCreatedHandler handler, CancellationToken cancellationToken) =>
                    handler.HandleAsync(productCreated, cloudEvent, cancellationToken))
            .WithTopic(ComponentNames.PubSub, Topics.ProductCreated)
            .WithTags("Events");
        return endpoints;
    }
}
