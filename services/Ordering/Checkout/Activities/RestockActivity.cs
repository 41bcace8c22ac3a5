using DaprShop.Contracts.Inventory;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// Puts a refunded order's committed units back on hand. Inventory's adjustment is not idempotent: an activity that
/// runs twice (a crash after adjusting, before its result is recorded) restocks twice.
/// </summary>
internal sealed class RestockActivity(OrderStore orders, StockItems stock) : OrderActivity<bool>(orders)
{
    protected override async Task<bool> RunAsync(Order order)
    {
        foreach (var line in order.Lines)
        {
            await stock.For(line.Sku).Adjust(new AdjustStock(line.Quantity, $"Order {order.Id} cancelled and refunded"));
        }

        return true;
    }
}
