using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout.Activities;

public sealed record OrderStatusChange(Guid OrderId, OrderStatus Status, string? Reason);

/// <summary>Moves the order to a new status (<see cref="OrderStore.MoveAsync"/>: a rerun publishes it again).</summary>
internal sealed class ChangeOrderStatusActivity(OrderStore orders, TimeProvider clock) : WorkflowActivity<OrderStatusChange, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderStatusChange change)
    {
        await orders.MoveAsync(change.OrderId, change.Status, clock.GetUtcNow(), change.Reason);
        return true;
    }
}
