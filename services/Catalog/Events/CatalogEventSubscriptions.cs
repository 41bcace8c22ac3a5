using DaprShop.Contracts;
using DaprShop.Contracts.Catalog;
using DaprShop.Contracts.Inventory;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Events;

/// <summary>The topics catalog subscribes to, each on its <see cref="SidecarOnlyRoutes.ForTopic"/> route.</summary>
public static class CatalogEventSubscriptions
{
    public static IEndpointRouteBuilder MapCatalogEventSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SidecarOnlyRoutes.ForTopic(Topics.StockChanged),
                (StockChanged stockChanged, StockChangedHandler handler, CancellationToken cancellationToken) => handler.HandleAsync(stockChanged, cancellationToken))
            // Catalog shows availability only; a committed reservation moves on-hand and reserved, not availability.
            .WithTopic(ComponentNames.PubSub, Topics.StockChanged, match: "event.data.available != event.data.availableBefore")
            .WithTags("Events");
        endpoints.MapPost(SidecarOnlyRoutes.ForTopic(Topics.ProductCreated),
                (ProductCreated created, ProductChangedHandler handler, CancellationToken cancellationToken) => handler.HandleAsync(created.ProductId, cancellationToken))
            .WithTopic(ComponentNames.PubSub, Topics.ProductCreated)
            .WithTags("Events");
        endpoints.MapPost(SidecarOnlyRoutes.ForTopic(Topics.ProductUpdated),
                (ProductUpdated updated, ProductChangedHandler handler, CancellationToken cancellationToken) => handler.HandleAsync(updated.ProductId, cancellationToken))
            .WithTopic(ComponentNames.PubSub, Topics.ProductUpdated)
            .WithTags("Events");
        endpoints.MapPost(SidecarOnlyRoutes.ForTopic(Topics.ProductArchived),
                (ProductArchived archived, ProductChangedHandler handler, CancellationToken cancellationToken) => handler.HandleAsync(archived.ProductId, cancellationToken))
            .WithTopic(ComponentNames.PubSub, Topics.ProductArchived)
            .WithTags("Events");
        return endpoints;
    }
}
