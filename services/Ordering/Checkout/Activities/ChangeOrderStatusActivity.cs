using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout.Activities;

public sealed record OrderStatusChange(Guid OrderId, OrderStatus Status, string? Reason);

/// <summary>Saves the order in its new status (then publishes it); an order already there is left alone, so a rerun changes nothing.</summary>
internal sealed class ChangeOrderStatusActivity(OrderStore orders, TimeProvider clock) : WorkflowActivity<OrderStatusChange, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStatusChange change)
    {
        await orders.UpdateAsync(change.OrderId, order => order.Status == change.Status ? null : order.MoveTo(change.Status, clock.GetUtcNow(), change.Reason));
        return true;
    }
}
