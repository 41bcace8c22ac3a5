using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>An activity on one stored order (its input is the order id); a missing order is a bug, so it fails the activity.</summary>
internal abstract class OrderActivity<TOutput>(OrderStore orders) : WorkflowActivity<Guid, TOutput>
{
    private StoredOrder? _read;

    protected OrderStore Orders { get; } = orders;

    public override async Task<TOutput> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        _read = await Orders.GetRequiredAsync(orderId);
        return await RunAsync(_read.Order);
    }

    protected abstract Task<TOutput> RunAsync(Order order);

    /// <summary>Moves the order this activity read to <paramref name="status"/>, saving over that read unless the order changed since.</summary>
    protected Task MoveOrderAsync(OrderStatus status, DateTimeOffset at) => Orders.MoveAsync(_read!, status, at);
}
