using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// Marks the order AwaitingPayment, then asks payment to charge its total with the shopper's payment method; the
/// outcome usually follows as an event. Both steps are idempotent (payment is keyed by order id).
/// </summary>
internal sealed class StartPaymentActivity(OrderStore orders, Payments payments, TimeProvider clock) : OrderActivity<PaymentState>(orders)
{
    protected override async Task<PaymentState> RunAsync(Order order)
    {
        await MoveOrderAsync(OrderStatus.AwaitingPayment, clock.GetUtcNow());
        return await payments.StartAsync(order);
    }
}
