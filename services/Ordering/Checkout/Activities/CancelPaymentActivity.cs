using DaprShop.Contracts.Payment;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// Stops the payment of a checkout that failed, timed out or was cancelled. A payment that succeeded after all (late,
/// past the timeout) cannot be cancelled any more, so it is refunded instead.
/// </summary>
internal sealed class CancelPaymentActivity(OrderStore orders, Payments payments) : OrderActivity<bool>(orders)
{
    protected override async Task<bool> RunAsync(Order order)
    {
        var payment = await payments.CancelAsync(order.Id);
        if (payment?.Status == PaymentStatus.Succeeded)
        {
            await payments.RefundAsync(order.Id, $"{order.Id}:checkout-abandoned", "The checkout did not complete.");
        }

        return true;
    }
}
