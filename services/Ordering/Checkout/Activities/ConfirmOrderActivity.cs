using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Contracts.Inventory;
using DaprShop.Contracts.Ordering;
using DaprShop.Dapr;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// The payment succeeded: sell every reserved line, empty the shopper's cart unless they changed it since checkout
/// (cart compares the revision), and mark the order Paid. One activity, not three: each step is idempotent, so a
/// rerun repeats them harmlessly, and every activity costs the engine a dispatch, a result and a state write.
/// </summary>
internal sealed class ConfirmOrderActivity(OrderStore orders, StockItems stock, DaprClient dapr, TimeProvider clock, ILogger<ConfirmOrderActivity> logger)
    : OrderActivity<bool>(orders)
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

        // The cart first, so a shopper who sees the order Paid finds the cart emptied.
        await dapr.InvokeMethodAsync(AppIds.Cart, $"internal/carts/{order.UserId}/clear", new ClearCheckedOutCart(order.CartRevision));
        await MoveOrderAsync(OrderStatus.Paid, clock.GetUtcNow());
        return true;
    }
}
