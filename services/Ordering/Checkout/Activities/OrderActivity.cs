using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>An activity on one stored order (its input is the order id); a missing order is a bug, so it fails the activity.</summary>
internal abstract class OrderActivity<TOutput>(OrderStore orders) : WorkflowActivity<Guid, TOutput>
{
    public override async Task<TOutput> RunAsync(WorkflowActivityContext context, Guid orderId) =>
        await RunAsync(await orders.GetAsync(orderId) ?? throw new InvalidOperationException($"Order {orderId} does not exist."));

    protected abstract Task<TOutput> RunAsync(Order order);
}
