using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Payment.Domain;
using DaprShop.Payment.Stripe;
using DaprShop.Payment.Stripe.Webhooks;
using DaprShop.Payment.Webhooks;

namespace DaprShop.Payment.Tests.Domain;

public sealed class WebhookEffectTests
{
    private static readonly Guid OrderId = Guid.CreateVersion7();

    private static readonly PaymentLedger Paid = PaymentLedger.Open(OrderId, Guid.CreateVersion7(), new PaymentIntent
    {
        Id = "pi_1", Amount = 1000, Currency = "eur", Status = PaymentIntentStatuses.Succeeded, Metadata = new() { ["order_id"] = OrderId.ToString() },
    });

    [Fact]
    public void A_refund_recorded_from_the_refund_call_is_still_announced_by_its_webhook()
    {
        var recordedByTheCall = Paid.WithRefund(new LedgerRefund("cancel", "re_1", 1000, "succeeded"));
        var effect = WebhookEffect.Of(RefundEvent("evt_1", "refund.created", "succeeded"))!;

        var after = effect.Apply(recordedByTheCall)!;

        Assert.Equal(Topics.PaymentRefunded, effect.TopicFor(recordedByTheCall));
        var outcome = effect.Outcome(after);
        Assert.Equal((PaymentStatus.Refunded, new Money(1000, "EUR"), "evt_1"), (outcome.Status, outcome.Amount, outcome.StripeEventId));
        Assert.Equal("cancel", Assert.Single(after.Refunds).RefundId);
    }

    [Fact]
    public void A_refund_reported_succeeded_again_by_another_event_is_announced_once()
    {
        var announced = WebhookEffect.Of(RefundEvent("evt_1", "refund.created", "succeeded"))!.Apply(Paid)!;

        var again = WebhookEffect.Of(RefundEvent("evt_2", "refund.updated", "succeeded"))!;

        Assert.Null(again.TopicFor(announced));
    }

    [Fact]
    public void A_pending_refund_is_announced_when_it_succeeds()
    {
        var pending = WebhookEffect.Of(RefundEvent("evt_1", "refund.created", "pending"))!;
        var afterPending = pending.Apply(Paid)!;
        var succeeded = WebhookEffect.Of(RefundEvent("evt_2", "refund.updated", "succeeded"))!;

        Assert.Null(pending.TopicFor(Paid));
        Assert.Equal(Topics.PaymentRefunded, succeeded.TopicFor(afterPending));
    }

    [Fact]
    public void A_refund_of_another_payment_intent_is_not_this_ledgers()
    {
        var effect = WebhookEffect.Of(RefundEvent("evt_1", "refund.created", "succeeded", paymentIntent: "pi_other"))!;

        Assert.Null(effect.Apply(Paid));
    }

    [Fact]
    public void An_event_without_order_metadata_is_not_the_shops()
    {
        var stripeEvent = new StripeEvent
        {
            Id = "evt_1", Type = StripeEventTypes.PaymentIntentSucceeded,
            Data = new StripeEventData(JsonSerializer.SerializeToElement(new { id = "pi_1", amount = 1, currency = "eur", status = "succeeded" })),
        };

        Assert.Null(WebhookEffect.Of(stripeEvent));
    }

    private static StripeEvent RefundEvent(string eventId, string type, string status, string paymentIntent = "pi_1") => new()
    {
        Id = eventId,
        Type = type,
        Created = 1700000000,
        Data = new StripeEventData(JsonSerializer.SerializeToElement(new Refund
        {
            Id = "re_1", Amount = 1000, Currency = "eur", PaymentIntent = paymentIntent, Status = status,
            Metadata = new() { ["order_id"] = OrderId.ToString(), ["refund_id"] = "cancel" },
        }, StripeJson.Options)),
    };
}
