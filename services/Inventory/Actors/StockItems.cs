using DaprShop.Actors;
using DaprShop.Contracts.Inventory;

namespace DaprShop.Inventory.Actors;

/// <summary>Proxies to SKU actors, for the HTTP endpoints (which call through the sidecar like any other app).</summary>
public sealed class StockItems(IActorProxyFactory proxies)
{
    public IStockItemActor For(string sku) => proxies.CreateActorProxy<IStockItemActor>(new ActorId(sku), IStockItemActor.TypeName);
}
