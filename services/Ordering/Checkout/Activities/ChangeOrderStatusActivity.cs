using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout.Activities;

public sealed record OrderStatusChange(Guid OrderId, OrderStatus Status, string? Reason);

/// <summary>
/// Saves the order in its new status, then publishes it. A rerun (the engine runs activities at least once) finds the
/// order already there and publishes it again, so a crash between saving and publishing cannot lose the event;
/// subscribers dedupe by (order id, version).
/// </summary>
internal sealed class ChangeOrderStatusActivity(OrderStore orders, TimeProvider clock) : WorkflowActivity<OrderStatusChange, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStatusChange change)
    {
        if (await orders.GetAsync(change.OrderId) is { } order && order.Status == change.Status)
        {
            await orders.PublishAsync(order);
            return true;
        }

        await orders.UpdateAsync(change.OrderId, order => order.Status == change.Status ? null : order.MoveTo(change.Status, clock.GetUtcNow(), change.Reason));
        return true;
    }
}
