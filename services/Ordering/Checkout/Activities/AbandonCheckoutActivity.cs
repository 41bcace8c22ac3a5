using DaprShop.Contracts.Payment;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// A checkout whose payment failed, timed out or was cancelled by the shopper: stop the payment (refund it if it
/// succeeded late, past the timeout, when it can no longer be cancelled), release every reservation, and move the order
/// to its final status with the reason. Each step is idempotent, so a rerun repeats them harmlessly.
/// </summary>
internal sealed class AbandonCheckoutActivity(OrderStore orders, Payments payments, StockItems stock, TimeProvider clock)
    : WorkflowActivity<OrderStatusChange, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStatusChange change)
    {
        var read = await orders.GetRequiredAsync(change.OrderId);
        var order = read.Order;
        var payment = await payments.CancelAsync(order.Id);
        if (payment?.Status == PaymentStatus.Succeeded)
        {
            await payments.RefundAsync(order.Id, $"{order.Id}:checkout-abandoned", "The checkout did not complete.");
        }

        await stock.ReleaseAllAsync(order);
        await orders.MoveAsync(read, change.Status, clock.GetUtcNow(), change.Reason);
        return true;
    }
}
