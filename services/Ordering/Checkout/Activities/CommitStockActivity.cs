using DaprShop.Contracts.Inventory;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>Sells every reserved line of a paid order.</summary>
internal sealed class CommitStockActivity(OrderStore orders, StockItems stock, ILogger<CommitStockActivity> logger) : OrderActivity<bool>(orders)
{
    protected override async Task<bool> RunAsync(Order order)
    {
        foreach (var line in order.Lines)
        {
            var outcome = await stock.For(line.Sku).Commit(StockItems.ReservationFor(order.Id, line.Sku));
            if (outcome.Status != ReservationStatus.Committed)
            {
                // The reservation outlives the payment wait, so this needs a payment that succeeded after its timeout.
                logger.LogError("Order {OrderId} is paid but its reservation of {Sku} is {Status}; the stock needs a manual correction",
                    order.Id, line.Sku, outcome.Status);
            }
        }

        return true;
    }
}
