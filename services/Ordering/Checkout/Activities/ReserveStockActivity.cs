using DaprShop.Contracts.Inventory;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;
using Microsoft.Extensions.Options;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>
/// Reserves every line, all or nothing: when one cannot be reserved, those already reserved are released and the
/// answer says why. Reservations outlive the payment wait (<see cref="OrderingOptions.ReservationTtl"/>).
/// </summary>
/// <returns>Null when every line is reserved, else the reason for the shopper.</returns>
internal sealed class ReserveStockActivity(OrderStore orders, StockItems stock, IOptions<OrderingOptions> options) : OrderActivity<string?>(orders)
{
    protected override async Task<string?> RunAsync(Order order)
    {
        foreach (var line in order.Lines)
        {
            var reservation = StockItems.ReservationFor(order.Id, line.Sku);
            var outcome = await stock.For(line.Sku).Reserve(new ReserveStock(reservation.ReservationId, line.Quantity, options.Value.ReservationTtl));
            if (outcome.Status == ReservationStatus.Reserved) continue;

            await stock.ReleaseAllAsync(order);
            return outcome.Status == ReservationStatus.InsufficientStock
                ? $"Not enough stock of {line.ProductName} ({line.Sku}): {outcome.Available} available, {line.Quantity} ordered."
                : $"The stock of {line.ProductName} ({line.Sku}) could not be reserved ({outcome.Status}).";
        }

        return null;
    }
}
