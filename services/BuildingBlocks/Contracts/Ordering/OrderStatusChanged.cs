namespace DaprShop.Contracts.Ordering;

/// <summary>
/// Published by ordering on <see cref="Topics.OrderStatusChanged"/> after the order's new status is saved; notification
/// emails the shopper (looking their address up from identity). <paramref name="Version"/> grows with every change of
/// the order, so a subscriber can dedupe by (<paramref name="OrderId"/>, <paramref name="Version"/>).
/// </summary>
/// <param name="Reason">Why it failed or was cancelled, for the shopper.</param>
public sealed record OrderStatusChanged(
    Guid OrderId, Guid UserId, OrderStatus Status, Money Total, IReadOnlyList<OrderLineSummary> Lines, string? Reason, string? TrackingNumber,
    long Version, DateTimeOffset OccurredAt);

public sealed record OrderLineSummary(string Sku, string ProductName, int Quantity, Money UnitPrice);
