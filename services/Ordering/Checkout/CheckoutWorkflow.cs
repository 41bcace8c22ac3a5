using DaprShop.Contracts.Ordering;
using DaprShop.Contracts.Payment;
using DaprShop.Ordering.Checkout.Activities;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout;

/// <summary>
/// One checkout, from a saved Pending order to Paid, or to Failed/Cancelled with everything undone:
/// <list type="number">
/// <item>reserve every line (all or nothing) — else Failed with the shortage as reason — then AwaitingPayment and start
/// the payment; wait for its outcome (<see cref="PaymentOutcomeEvent"/>) until the timeout;</item>
/// <item>succeeded: commit the stock, Paid, clear the cart (if unchanged since checkout);</item>
/// <item>failed, timed out or cancelled by the shopper: cancel the payment (refund it if it succeeded late), release
/// the stock, Failed (or Cancelled) with the reason.</item>
/// </list>
/// Steps that always follow each other share one activity: every activity costs the engine a dispatch, a result and a
/// state write, and the happy path is two.
/// Every activity is idempotent (reservation ids <c>{orderId}:{sku}</c>, payment keyed by order id, status changes that
/// are no-ops when already made), since the engine runs activities at least once.
/// </summary>
internal sealed class CheckoutWorkflow : Workflow<CheckoutInput, OrderStatus>
{
    public const string PaymentOutcomeEvent = "payment-outcome";

    /// <summary>Sidecars and services restart; a short series of retries rides that out before the instance fails.</summary>
    public static readonly WorkflowTaskOptions Retries =
        new(new WorkflowRetryPolicy(maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<OrderStatus> RunAsync(WorkflowContext context, CheckoutInput input)
    {
        var orderId = input.OrderId;
        var start = await context.CallActivityAsync<CheckoutStart>(nameof(ReserveStockAndStartPaymentActivity), orderId, Retries);
        if (start.StockShortage is { } shortage) return await MoveAsync(context, orderId, OrderStatus.Failed, shortage);

        var payment = await WaitForOutcomeAsync(context, start.Payment!, input.PaymentTimeout);

        if (payment.Status == PaymentStatus.Succeeded)
        {
            await context.CallActivityAsync<bool>(nameof(ConfirmOrderActivity), orderId, Retries);
            return OrderStatus.Paid;
        }

        var status = payment.CancelledByShopper ? OrderStatus.Cancelled : OrderStatus.Failed;
        await context.CallActivityAsync<bool>(nameof(AbandonCheckoutActivity), new OrderStatusChange(orderId, status, payment.Reason), Retries);
        return status;
    }

    /// <summary>Waits while the payment is open (processing, or awaiting the shopper's 3-D Secure), up to one deadline overall.</summary>
    private static async Task<PaymentState> WaitForOutcomeAsync(WorkflowContext context, PaymentState payment, TimeSpan timeout)
    {
        var deadline = context.CurrentUtcDateTime + timeout;
        while (payment.IsOpen)
        {
            var remaining = deadline - context.CurrentUtcDateTime;
            try
            {
                if (remaining <= TimeSpan.Zero) throw new TaskCanceledException();
                payment = PaymentState.From(await context.WaitForExternalEventAsync<PaymentOutcome>(PaymentOutcomeEvent, remaining));
            }
            catch (TaskCanceledException)
            {
                return new PaymentState(PaymentStatus.Failed, $"The payment did not complete within {timeout.TotalSeconds:0} seconds.");
            }
        }

        return payment.Status == PaymentStatus.Succeeded ? payment : payment with { Reason = payment.Reason ?? "The payment failed." };
    }

    /// <summary>Saves (and publishes) the order's new status.</summary>
    internal static async Task<OrderStatus> MoveAsync(WorkflowContext context, Guid orderId, OrderStatus status, string? reason = null)
    {
        await context.CallActivityAsync<bool>(nameof(ChangeOrderStatusActivity), new OrderStatusChange(orderId, status, reason), Retries);
        return status;
    }
}
