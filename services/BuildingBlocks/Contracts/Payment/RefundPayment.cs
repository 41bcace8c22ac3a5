namespace DaprShop.Contracts.Payment;

/// <summary>
/// Ordering's call to payment: <c>POST /internal/payments/{orderId}/refunds</c>. <paramref name="Amount"/> null refunds
/// what is left; <paramref name="RefundId"/> (chosen by the caller, stable across retries) makes it idempotent.
/// </summary>
public sealed record RefundPayment(string RefundId, Money? Amount, string Reason);
