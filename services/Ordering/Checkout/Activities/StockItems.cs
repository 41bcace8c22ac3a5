using DaprShop.Actors;
using DaprShop.Contracts.Inventory;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>Inventory's stock actors for an order's lines; every reservation is named <c>{orderId}:{sku}</c>, so every call is idempotent.</summary>
internal sealed class StockItems(IActorProxyFactory actors)
{
    public static ReservationReference ReservationFor(Guid orderId, string sku) => new($"{orderId}:{sku}");

    public IStockItemActor For(string sku) => actors.CreateActorProxy<IStockItemActor>(new ActorId(sku), IStockItemActor.TypeName);

    /// <summary>Releases every line's reservation; a reservation never made, or already released, is left as it is.</summary>
    public async Task ReleaseAllAsync(Order order)
    {
        foreach (var line in order.Lines) await For(line.Sku).Release(ReservationFor(order.Id, line.Sku));
    }
}
