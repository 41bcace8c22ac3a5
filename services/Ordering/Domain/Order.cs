using DaprShop.Contracts.Ordering;

namespace DaprShop.Ordering.Domain;

/// <summary>
/// An order as ordering stores it (state key <c>order:{id}</c>). <see cref="Version"/> grows with every status change,
/// and is the version of the <see cref="OrderStatusChanged"/> published for it.
/// </summary>
/// <param name="CartRevision">The cart revision checked out: after payment the cart is cleared only if it is still at it.</param>
/// <param name="RequestHash">Hash of the checkout request, so a replayed Idempotency-Key with another body is refused.</param>
public sealed record Order(
    Guid Id, Guid UserId, OrderStatus Status, IReadOnlyList<OrderLine> Lines, OrderTotals Totals, ShippingAddress ShippingAddress,
    string PaymentMethodId, Guid CartRevision, string RequestHash, string? Reason, string? TrackingNumber, long Version,
    IReadOnlyList<OrderStatusEntry> Timeline, DateTimeOffset CreatedAt)
{
    public static Order Place(
        Guid id, Guid userId, IReadOnlyList<OrderLine> lines, ShippingAddress shippingAddress, string paymentMethodId, Guid cartRevision,
        string requestHash, DateTimeOffset at) =>
        new(id, userId, OrderStatus.Pending, lines, OrderTotals.For(lines), shippingAddress, paymentMethodId, cartRevision, requestHash,
            Reason: null, TrackingNumber: null, Version: 1, [new OrderStatusEntry(OrderStatus.Pending, at, null)], at);

    /// <summary>The order in <paramref name="status"/>; throws when the lifecycle does not allow that step.</summary>
    public Order MoveTo(OrderStatus status, DateTimeOffset at, string? reason = null, string? trackingNumber = null)
    {
        if (!OrderTransitions.IsAllowed(Status, status))
        {
            throw new InvalidOperationException($"Order {Id} cannot go from {Status} to {status}.");
        }

        return this with
        {
            Status = status,
            Reason = reason ?? Reason,
            TrackingNumber = trackingNumber ?? TrackingNumber,
            Version = Version + 1,
            Timeline = [.. Timeline, new OrderStatusEntry(status, at, reason)],
        };
    }

    public OrderStatusChanged ToStatusChanged() =>
        new(Id, UserId, Status, Totals.Total, Lines.Select(line => new OrderLineSummary(line.Sku, line.ProductName, line.Quantity, line.UnitPrice)).ToArray(),
            Reason, TrackingNumber, Version, Timeline[^1].At);
}
