using DaprShop.Actors;
using DaprShop.Contracts.Inventory;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>Inventory's stock actors for an order's lines; every reservation is named <c>{orderId}:{sku}</c>, so every call is idempotent.</summary>
internal sealed class StockItems(IActorProxyFactory actors)
{
    public static ReservationReference ReservationFor(Guid orderId, string sku) => new($"{orderId}:{sku}");

    public IStockItemActor For(string sku) => actors.CreateActorProxy<IStockItemActor>(new ActorId(sku), IStockItemActor.TypeName);

    /// <summary>Reserves every line, all or nothing: when one cannot be reserved, those already reserved are released.</summary>
    /// <returns>Null when every line is reserved, else the reason for the shopper.</returns>
    public async Task<string?> ReserveAllAsync(Order order, TimeSpan ttl)
    {
        foreach (var line in order.Lines)
        {
            var outcome = await For(line.Sku).Reserve(new ReserveStock(ReservationFor(order.Id, line.Sku).ReservationId, line.Quantity, ttl));
            if (outcome.Status == ReservationStatus.Reserved) continue;

            await ReleaseAllAsync(order);
            return outcome.Status == ReservationStatus.InsufficientStock
                ? $"Not enough stock of {line.ProductName} ({line.Sku}): {outcome.Available} available, {line.Quantity} ordered."
                : $"The stock of {line.ProductName} ({line.Sku}) could not be reserved ({outcome.Status}).";
        }

        return null;
    }

    /// <summary>Releases every line's reservation; a reservation never made, or already released, is left as it is.</summary>
    public async Task ReleaseAllAsync(Order order)
    {
        foreach (var line in order.Lines) await For(line.Sku).Release(ReservationFor(order.Id, line.Sku));
    }
}
