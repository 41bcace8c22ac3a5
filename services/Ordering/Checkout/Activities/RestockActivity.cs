using DaprShop.Contracts.Inventory;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// Puts a refunded order's committed units back on hand. Each line's adjustment carries the id
/// <c>{orderId}:{sku}:restock</c>, so an activity that runs twice (a crash after adjusting, before its result is
/// recorded) restocks each line once.
/// </summary>
internal sealed class RestockActivity(OrderStore orders, StockItems stock) : OrderActivity<bool>(orders)
{
    protected override async Task<bool> RunAsync(Order order)
    {
        foreach (var line in order.Lines)
        {
            await stock.For(line.Sku).Adjust(
                new AdjustStock(line.Quantity, $"Order {order.Id} cancelled and refunded", $"{order.Id}:{line.Sku}:restock"));
        }

        return true;
    }
}
