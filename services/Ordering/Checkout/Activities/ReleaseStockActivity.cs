using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>Returns every reserved line of an order that will not be paid.</summary>
internal sealed class ReleaseStockActivity(OrderStore orders, StockItems stock) : OrderActivity<bool>(orders)
{
    protected override async Task<bool> RunAsync(Order order)
    {
        await stock.ReleaseAllAsync(order);
        return true;
    }
}
