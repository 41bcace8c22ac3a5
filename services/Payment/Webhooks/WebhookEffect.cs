using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Payment.Domain;
using DaprShop.Payment.Stripe;
using DaprShop.Payment.Stripe.Webhooks;

namespace DaprShop.Payment.Webhooks;

/// <summary>
/// What a Stripe event means for an order: the order it concerns, how it changes the ledger (null: the event's
/// PaymentIntent or amount is not the ledger's, so it is not this payment's), the topic of the outcome to publish
/// given the ledger before the change (null for events that only update the ledger, or announce what was announced),
/// and that outcome given the ledger after it. Derived from the event, so a redelivery yields the same outcome.
/// </summary>
public sealed record WebhookEffect(
    Guid OrderId, Func<PaymentLedger?, PaymentLedger?> Apply, Func<PaymentLedger?, string?> TopicFor, Func<PaymentLedger, PaymentOutcome> Outcome)
{
    /// <summary>Null when the event is not about one of this shop's orders or is of a type this app does not handle.</summary>
    public static WebhookEffect? Of(StripeEvent stripeEvent)
    {
        if (stripeEvent.Data is not { } data) return null;
        var occurredAt = DateTimeOffset.FromUnixTimeSeconds(stripeEvent.Created);
        switch (stripeEvent.Type)
        {
            case StripeEventTypes.PaymentIntentSucceeded:
            case StripeEventTypes.PaymentIntentPaymentFailed:
            case StripeEventTypes.PaymentIntentRequiresAction:
            case StripeEventTypes.PaymentIntentCanceled:
                var intent = data.Object.Deserialize<PaymentIntent>(StripeJson.Options)!;
                if (!TryGetOrder(intent.Metadata, out var orderId, out var userId)) return null;
                var amount = new Money(intent.Amount, intent.Currency.ToUpperInvariant());
                return new WebhookEffect(
                    orderId,
                    // Stripe's advice (stripe.md §10): check amount and currency against the order before fulfilling it.
                    ledger => ledger is null ? PaymentLedger.Open(orderId, userId, intent)
                        : ledger.PaymentIntentId == intent.Id && ledger.Amount == amount ? ledger.WithIntent(intent)
                        : null,
                    _ => IntentOutcomeOf(stripeEvent.Type)?.Topic,
                    // The event's own status: a late succeeded event must not report the refunds made since.
                    _ => new PaymentOutcome(
                        orderId, intent.Id, stripeEvent.Id, IntentOutcomeOf(stripeEvent.Type)!.Value.Status, amount,
                        intent.LastPaymentError is { } error ? error.DeclineCode ?? error.Code : null, intent.LastPaymentError?.Message, occurredAt));
            case StripeEventTypes.RefundCreated:
            case StripeEventTypes.RefundUpdated:
                var refund = data.Object.Deserialize<Refund>(StripeJson.Options)!;
                if (!TryGetOrder(refund.Metadata, out var refundedOrderId, out _)) return null;
                var refundId = refund.Metadata.GetValueOrDefault(MetadataKeys.RefundId, refund.Id);
                var succeeded = refund.Status == "succeeded";
                return new WebhookEffect(
                    refundedOrderId,
                    ledger => ledger is null
                        ? throw new InvalidOperationException($"Refund {refund.Id} names order {refundedOrderId}, which has no payment ledger yet.")
                        : ledger.PaymentIntentId == refund.PaymentIntent ? ledger.WithRefund(new LedgerRefund(refundId, refund.Id, refund.Amount, refund.Status, Announced: succeeded))
                        : null,
                    before => succeeded && before?.IsAnnounced(refund.Id) != true ? Topics.PaymentRefunded : null,
                    ledger => new PaymentOutcome(
                        refundedOrderId, ledger.PaymentIntentId, stripeEvent.Id, ledger.Status, new Money(refund.Amount, refund.Currency.ToUpperInvariant()),
                        refund.FailureReason, null, occurredAt));
            default:
                return null;
        }
    }

    /// <summary>The topic and status an intent event announces; null for those that only update the ledger.</summary>
    private static (string Topic, PaymentStatus Status)? IntentOutcomeOf(string eventType) => eventType switch
    {
        StripeEventTypes.PaymentIntentSucceeded => (Topics.PaymentSucceeded, PaymentStatus.Succeeded),
        StripeEventTypes.PaymentIntentPaymentFailed => (Topics.PaymentFailed, PaymentStatus.Failed),
        StripeEventTypes.PaymentIntentRequiresAction => (Topics.PaymentRequiresAction, PaymentStatus.RequiresAction),
        _ => null,
    };

    private static bool TryGetOrder(Dictionary<string, string> metadata, out Guid orderId, out Guid userId)
    {
        userId = Guid.Empty;
        return Guid.TryParse(metadata.GetValueOrDefault(MetadataKeys.OrderId), out orderId)
            && (!metadata.TryGetValue(MetadataKeys.UserId, out var user) || Guid.TryParse(user, out userId));
    }
}
