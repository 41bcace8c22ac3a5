using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Contracts.Ordering;
using DaprShop.Dapr;
using DaprShop.Notification.Templates;

namespace DaprShop.Notification.Events;

/// <summary>The topics this app subscribes to, each on its <see cref="SidecarOnlyRoutes.ForTopic"/> route.</summary>
public static class EventSubscriptions
{
    public static IEndpointRouteBuilder MapEventSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        Subscribe(endpoints, Topics.ProductCreated,
            (ProductCreated productCreated, CloudEventAttributes cloudEvent, ProductCreatedHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(productCreated, cloudEvent, cancellationToken));
        Subscribe(endpoints, Topics.AccountRegistered,
            (AccountRegistered registered, CloudEventAttributes cloudEvent, AccountRegisteredHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(registered, cloudEvent, cancellationToken));
        Subscribe(endpoints, Topics.OrderStatusChanged,
            (OrderStatusChanged change, CloudEventAttributes cloudEvent, OrderStatusChangedHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(change, cloudEvent, cancellationToken),
            match: OrderStatusEmail.SubscriptionMatch);
        return endpoints;
    }

    private static void Subscribe(IEndpointRouteBuilder endpoints, string topic, Delegate handler, string? match = null) =>
        endpoints.MapPost(SidecarOnlyRoutes.ForTopic(topic), handler)
            .WithTopic(ComponentNames.PubSub, topic, match: match)
            .WithTags("Events");
}
