using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>Refunds all of a paid order that the shopper cancelled before it shipped.</summary>
internal sealed class RefundPaymentActivity(OrderStore orders, Payments payments) : OrderActivity<bool>(orders)
{
    protected override async Task<bool> RunAsync(Order order)
    {
        await payments.RefundAsync(order.Id, $"{order.Id}:cancelled", "Cancelled by the shopper.");
        return true;
    }
}
