namespace DaprShop.Contracts.Payment;

/// <summary>
/// An order's payment as payment's ledger holds it: the answer of <c>POST /internal/payments</c>,
/// <c>GET /internal/payments/{orderId}</c>, <c>POST /internal/payments/{orderId}/cancel</c> and refunds.
/// </summary>
public sealed record PaymentView(
    Guid OrderId, string PaymentIntentId, PaymentStatus Status, Money Amount, Money Refunded, string? FailureCode, string? FailureMessage);
