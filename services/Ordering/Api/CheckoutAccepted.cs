using DaprShop.Contracts.Ordering;

namespace DaprShop.Ordering.Api;

/// <summary>The 202 answer of checkout; follow <c>Location</c> (relative: <c>{orderId}</c>, i.e. <c>GET orders/{orderId}</c>) for the outcome.</summary>
public sealed record CheckoutAccepted(Guid OrderId, OrderStatus Status);
