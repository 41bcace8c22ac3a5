using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>An activity on one stored order (its input is the order id); a missing order is a bug, so it fails the activity.</summary>
internal abstract class OrderActivity<TOutput>(OrderStore orders) : WorkflowActivity<Guid, TOutput>
{
    protected OrderStore Orders { get; } = orders;

    public override async Task<TOutput> RunAsync(WorkflowActivityContext context, Guid orderId) => await RunAsync(await Orders.GetRequiredAsync(orderId));

    protected abstract Task<TOutput> RunAsync(Order order);
}
