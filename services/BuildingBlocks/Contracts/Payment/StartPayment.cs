namespace DaprShop.Contracts.Payment;

/// <summary>
/// Ordering's call to payment: <c>POST /internal/payments</c> (caller must be ordering). Creates and confirms a
/// PaymentIntent for the order with the shopper's payment method id (never card data), Stripe idempotency key = order id,
/// so a repeated call returns the same payment. The outcome arrives later as an event (<see cref="PaymentOutcome"/>).
/// </summary>
public sealed record StartPayment(Guid OrderId, Guid UserId, Money Amount, string PaymentMethodId);
