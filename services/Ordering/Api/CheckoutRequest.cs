using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Api;

/// <summary>Body of <c>POST /orders/checkout</c>: the cart is taken as it is; the card is a payment method id from Stripe.js, never card data.</summary>
public sealed record CheckoutRequest(string? PaymentMethodId, ShippingAddress? ShippingAddress);
