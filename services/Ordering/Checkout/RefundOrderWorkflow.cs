using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Checkout.Activities;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout;

/// <summary>
/// The shopper cancelled a paid order before it shipped: refund it all, put its units back on hand, Refunded.
/// Instance id <c>{orderId}:refund</c>, so a repeated cancel finds the running instance.
/// </summary>
internal sealed class RefundOrderWorkflow : Workflow<Guid, OrderStatus>
{
    public static string InstanceIdFor(Guid orderId) => $"{orderId}:refund";

    public override async Task<OrderStatus> RunAsync(WorkflowContext context, Guid orderId)
    {
        await context.CallActivityAsync<bool>(nameof(RefundPaymentActivity), orderId, CheckoutWorkflow.Retries);
        await context.CallActivityAsync<bool>(nameof(RestockActivity), orderId, CheckoutWorkflow.Retries);
        return await CheckoutWorkflow.MoveAsync(context, orderId, OrderStatus.Refunded, ShopperCancellation.Reason);
    }
}
