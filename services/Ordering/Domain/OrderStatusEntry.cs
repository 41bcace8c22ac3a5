using DaprShop.Contracts.Ordering;

namespace DaprShop.Ordering.Domain;

/// <summary>One step of an order's timeline: the status it entered, when, and why (for failures and cancellations).</summary>
public sealed record OrderStatusEntry(OrderStatus Status, DateTimeOffset At, string? Reason);
