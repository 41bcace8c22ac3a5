using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>Asks payment to charge the order's total with the shopper's payment method; the outcome usually follows as an event.</summary>
internal sealed class StartPaymentActivity(OrderStore orders, Payments payments) : OrderActivity<PaymentState>(orders)
{
    protected override Task<PaymentState> RunAsync(Order order) => payments.StartAsync(order);
}
