using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Api;

/// <summary>An order as its owner (or an admin) sees it: no payment method id, no request hash.</summary>
public sealed record OrderView(
    Guid Id, Guid UserId, OrderStatus Status, IReadOnlyList<OrderLine> Lines, OrderTotals Totals, ShippingAddress ShippingAddress,
    string? Reason, string? TrackingNumber, IReadOnlyList<OrderStatusEntry> Timeline, DateTimeOffset CreatedAt)
{
    public static OrderView From(Order order) =>
        new(order.Id, order.UserId, order.Status, order.Lines, order.Totals, order.ShippingAddress, order.Reason, order.TrackingNumber,
            order.Timeline, order.CreatedAt);
}

public sealed record OrderPage(IReadOnlyList<OrderView> Items, int Total, int Page, int PageSize)
{
    public static OrderPage Of(IReadOnlyList<Order> items, int total, OrderListQuery query) =>
        new(items.Select(OrderView.From).ToArray(), total, query.PageOrDefault, query.PageSizeOrDefault);
}
