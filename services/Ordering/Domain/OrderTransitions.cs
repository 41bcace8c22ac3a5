using DaprShop.Contracts.Ordering;

namespace DaprShop.Ordering.Domain;

/// <summary>
/// The order lifecycle: Pending → AwaitingPayment → Paid → Shipped, with Failed or Cancelled before payment and
/// Refunded after it (a paid order cancelled before shipping). Failed, Cancelled, Refunded and Shipped are final.
/// </summary>
public static class OrderTransitions
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.Pending] = [OrderStatus.AwaitingPayment, OrderStatus.Failed, OrderStatus.Cancelled],
        [OrderStatus.AwaitingPayment] = [OrderStatus.Paid, OrderStatus.Failed, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Shipped, OrderStatus.Refunded],
    };

    public static bool IsAllowed(OrderStatus from, OrderStatus to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>The shopper may still cancel: before payment the checkout stops; once paid (not shipped) it is refunded.</summary>
    public static bool IsCancellable(OrderStatus status) => status is OrderStatus.Pending or OrderStatus.AwaitingPayment or OrderStatus.Paid;
}
