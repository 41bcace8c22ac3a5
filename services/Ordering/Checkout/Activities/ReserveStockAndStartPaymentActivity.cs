using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;
using Microsoft.Extensions.Options;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// Reserves every line (all or nothing), then marks the order AwaitingPayment and asks payment to charge its total with
/// the shopper's payment method; the outcome usually follows as an event. One activity because the steps always follow
/// each other and each is idempotent (reservation ids, payment keyed by order id), so a rerun repeats them harmlessly.
/// Reservations outlive the payment wait (<see cref="OrderingOptions.ReservationTtl"/>).
/// </summary>
internal sealed class ReserveStockAndStartPaymentActivity(
    OrderStore orders, StockItems stock, Payments payments, IOptions<OrderingOptions> options, TimeProvider clock)
    : OrderActivity<CheckoutStart>(orders)
{
    protected override async Task<CheckoutStart> RunAsync(Order order)
    {
        if (await stock.ReserveAllAsync(order, options.Value.ReservationTtl) is { } shortage) return CheckoutStart.ShortOfStock(shortage);
        await MoveOrderAsync(OrderStatus.AwaitingPayment, clock.GetUtcNow());
        return CheckoutStart.Paying(await payments.StartAsync(order));
    }
}
