using System.Net;
using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Dapr;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// Payment's internal API, keyed by order id on payment's side (Stripe idempotency key = order id), so every call here
/// can be repeated. A 4xx answer is payment's decision and is returned; anything else throws and the activity retries.
/// </summary>
internal sealed class Payments(DaprClient dapr)
{
    public const string PaymentsPath = "internal/payments";

    public async Task<PaymentState> StartAsync(Order order)
    {
        try
        {
            var view = await dapr.InvokeMethodAsync<StartPayment, PaymentView>(
                AppIds.Payment, PaymentsPath, new StartPayment(order.Id, order.UserId, order.Totals.Total, order.PaymentMethodId));
            return new PaymentState(view!.Status, view.FailureMessage ?? view.FailureCode);
        }
        catch (InvocationException exception) when (IsClientError(exception.StatusCode))
        {
            return new PaymentState(PaymentStatus.Failed, $"The payment was refused ({(int)exception.StatusCode}).");
        }
    }

    /// <summary>Cancels the order's payment; null when payment refuses (none was started, or it can no longer be cancelled).</summary>
    public async Task<PaymentView?> CancelAsync(Guid orderId)
    {
        try
        {
            return await dapr.InvokeMethodAsync<PaymentView>(HttpMethod.Post, AppIds.Payment, $"{PaymentsPath}/{orderId}/cancel");
        }
        catch (InvocationException exception) when (IsClientError(exception.StatusCode))
        {
            return null;
        }
    }

    /// <param name="refundId">Stable for one purpose, so a retried refund is the same refund.</param>
    public Task<PaymentView?> RefundAsync(Guid orderId, string refundId, string reason) =>
        dapr.InvokeMethodAsync<RefundPayment, PaymentView>(
            HttpMethod.Post, AppIds.Payment, $"{PaymentsPath}/{orderId}/refunds", new RefundPayment(refundId, Amount: null, reason));

    private static bool IsClientError(HttpStatusCode status) => (int)status is >= 400 and < 500;
}
