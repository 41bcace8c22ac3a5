using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Payment.Stripe;

namespace DaprShop.Payment.Domain;

/// <summary>
/// One order's payment as this app knows it (state key <c>payment:{orderId}</c>): its PaymentIntent, the charges and
/// refunds Stripe reported, and the webhook events already applied. Ids, statuses and amounts only: no card data.
/// </summary>
public sealed record PaymentLedger
{
    public required Guid OrderId { get; init; }

    public required Guid UserId { get; init; }

    public required string PaymentIntentId { get; init; }

    public required PaymentStatus Status { get; init; }

    public required Money Amount { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureMessage { get; init; }

    public IReadOnlyList<string> Charges { get; init; } = [];

    public IReadOnlyList<LedgerRefund> Refunds { get; init; } = [];

    public IReadOnlyList<AppliedWebhook> Webhooks { get; init; } = [];

    /// <summary>Refunds that have not failed or been canceled count, so two refunds in flight cannot exceed the amount.</summary>
    public long RefundedAmount => Refunds.Where(refund => refund.Counts).Sum(refund => refund.Amount);

    public long RefundableAmount => Status is PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded ? Amount.Amount - RefundedAmount : 0;

    public static PaymentLedger Open(Guid orderId, Guid userId, PaymentIntent intent) =>
        new PaymentLedger
        {
            OrderId = orderId,
            UserId = userId,
            PaymentIntentId = intent.Id,
            Status = PaymentStatus.Processing,
            Amount = new Money(intent.Amount, intent.Currency.ToUpperInvariant()),
        }.WithIntent(intent);

    /// <summary>
    /// Takes the intent's status. Refund, cancel and success are not undone by a stale snapshot: Stripe does not
    /// guarantee event order, and a PaymentIntent never leaves <c>succeeded</c> or <c>canceled</c>.
    /// </summary>
    public PaymentLedger WithIntent(PaymentIntent intent)
    {
        var charges = intent.LatestCharge is { } charge && !Charges.Contains(charge) ? [.. Charges, charge] : Charges;
        if (Status is PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded or PaymentStatus.Canceled)
        {
            return this with { Charges = charges };
        }

        var failure = intent.Status == PaymentIntentStatuses.RequiresPaymentMethod ? intent.LastPaymentError : null;
        return this with
        {
            Status = StatusOf(intent.Status, failure is not null),
            FailureCode = failure is null ? null : failure.DeclineCode ?? failure.Code,
            FailureMessage = failure?.Message,
            Charges = charges,
        };
    }

    public PaymentLedger WithRefund(LedgerRefund refund)
    {
        var refunds = Refunds.Any(known => known.StripeRefundId == refund.StripeRefundId)
            ? [.. Refunds.Select(known => known.StripeRefundId == refund.StripeRefundId
                ? refund with { RefundId = known.RefundId, Announced = known.Announced || refund.Announced }
                : known)]
            : Refunds.Append(refund).ToList();
        var refunded = refunds.Where(known => known.Counts).Sum(known => known.Amount);
        return this with
        {
            Refunds = refunds,
            Status = refunded >= Amount.Amount ? PaymentStatus.Refunded : refunded > 0 ? PaymentStatus.PartiallyRefunded : PaymentStatus.Succeeded,
        };
    }

    public bool IsAnnounced(string stripeRefundId) => Refunds.Any(refund => refund.StripeRefundId == stripeRefundId && refund.Announced);

    public AppliedWebhook? Applied(string eventId) => Webhooks.FirstOrDefault(webhook => webhook.EventId == eventId);

    public PaymentLedger WithWebhook(AppliedWebhook webhook) =>
        this with { Webhooks = [.. Webhooks.Where(known => known.EventId != webhook.EventId), webhook] };

    public PaymentView ToView() =>
        new(OrderId, PaymentIntentId, Status, Amount, Amount with { Amount = RefundedAmount }, FailureCode, FailureMessage);

    private static PaymentStatus StatusOf(string intentStatus, bool failed) => intentStatus switch
    {
        PaymentIntentStatuses.Succeeded => PaymentStatus.Succeeded,
        PaymentIntentStatuses.RequiresAction => PaymentStatus.RequiresAction,
        PaymentIntentStatuses.Canceled => PaymentStatus.Canceled,
        PaymentIntentStatuses.RequiresPaymentMethod when failed => PaymentStatus.Failed,
        _ => PaymentStatus.Processing,
    };
}

/// <param name="RefundId">The caller's id for the refund (idempotency), or the Stripe id for a refund made elsewhere.</param>
/// <param name="Status">Stripe's refund status.</param>
/// <param name="Announced">Its success was published: Stripe may report it again (refund.created, then refund.updated).</param>
public sealed record LedgerRefund(string RefundId, string StripeRefundId, long Amount, string Status, bool Announced = false)
{
    public bool Counts => Status is not ("failed" or "canceled");
}

/// <summary>A webhook event applied to the ledger, with the topic its outcome is still to be published on (null once it left, or if none).</summary>
public sealed record AppliedWebhook(string EventId, string? PendingTopic);
