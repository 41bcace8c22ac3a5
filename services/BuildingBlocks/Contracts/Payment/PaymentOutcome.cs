namespace DaprShop.Contracts.Payment;

/// <summary>
/// The payment events (<see cref="Topics.PaymentSucceeded"/>, <see cref="Topics.PaymentFailed"/>,
/// <see cref="Topics.PaymentRequiresAction"/>, <see cref="Topics.PaymentRefunded"/>), published after a verified webhook's
/// ledger entry is saved. <paramref name="StripeEventId"/> dedupes: Stripe delivers a webhook at least once.
/// </summary>
/// <param name="Amount">The intent's amount, or for a refund the refunded amount.</param>
public sealed record PaymentOutcome(
    Guid OrderId, string PaymentIntentId, string StripeEventId, PaymentStatus Status, Money Amount, string? FailureCode, string? FailureMessage,
    DateTimeOffset OccurredAt);
