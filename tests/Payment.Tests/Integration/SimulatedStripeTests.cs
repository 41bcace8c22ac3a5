using System.Net;
using DaprShop.Payment.Provider;
using DaprShop.Payment.Simulated;
using DaprShop.Payment.Stripe;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Payment.Tests.Integration;

/// <summary>
/// The simulated provider driven directly, on payment's state store through its sidecar: Stripe test mode's rules for
/// idempotency keys, declines, cancels and refunds. Its webhook delivery is not started, as if the process had died.
/// </summary>
[Collection(PaymentAppCollection.Name)]
public sealed class SimulatedStripeTests(PaymentAppFixture payment)
{
    private readonly SimulatedStripe _stripe = new(payment.Dapr, new SimulatedWebhookOutbox(payment.Dapr), NewDelivery(payment), TimeProvider.System);

    [Fact]
    public async Task Webhooks_left_undelivered_are_sent_when_delivery_starts_again()
    {
        // This simulator's delivery never runs, as if the process died right after answering.
        var orderId = Guid.CreateVersion7();
        var intent = await _stripe.PaymentIntents.CreateAsync(
            Confirmed("pm_card_visa") with { Metadata = new() { ["order_id"] = orderId.ToString(), ["user_id"] = Guid.CreateVersion7().ToString() } }, NewKey());

        var nextStart = NewDelivery(payment);
        await nextStart.StartAsync(CancellationToken.None);
        try
        {
            var outcome = Assert.Single(await payment.WaitForOutcomesAsync(orderId, DaprShop.Contracts.Topics.PaymentSucceeded));
            Assert.Equal(intent.Id, outcome.PaymentIntentId);
        }
        finally
        {
            await nextStart.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_delivered_webhook_leaves_the_outbox()
    {
        var outbox = new SimulatedWebhookOutbox(payment.Dapr);
        var delivery = new SimulatedWebhookDelivery(payment.Dapr, outbox, new PaymentSecrets(payment.Dapr), TimeProvider.System, NullLogger<SimulatedWebhookDelivery>.Instance);
        var stripe = new SimulatedStripe(payment.Dapr, outbox, delivery, TimeProvider.System);
        await delivery.StartAsync(CancellationToken.None);
        try
        {
            var orderId = Guid.CreateVersion7();
            var intent = await stripe.PaymentIntents.CreateAsync(
                Confirmed("pm_card_visa") with { Metadata = new() { ["order_id"] = orderId.ToString(), ["user_id"] = Guid.CreateVersion7().ToString() } }, NewKey());
            await payment.WaitForOutcomesAsync(orderId, DaprShop.Contracts.Topics.PaymentSucceeded);

            // With no other request writing its bucket, the periodic removal takes it out (every 5 s).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await outbox.ReadAllAsync(CancellationToken.None)).Any(pending => pending.Webhook.Json.Contains(intent.Id, StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, "the delivered webhook is still listed as pending");
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
        finally
        {
            await delivery.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_same_key_replays_the_first_answer()
    {
        var key = NewKey();

        var first = await _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_visa"), key);
        var second = await _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_visa"), key);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(PaymentIntentStatuses.Succeeded, second.Status);
        Assert.Equal(1000, (await _stripe.PaymentIntents.GetAsync(first.Id)).AmountReceived);
    }

    [Fact]
    public async Task The_same_key_with_other_parameters_is_an_idempotency_error()
    {
        var key = NewKey();
        await _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_visa"), key);

        var exception = await Assert.ThrowsAsync<StripeException>(() => _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_visa") with { Amount = 1 }, key));

        Assert.Equal((HttpStatusCode.BadRequest, StripeErrorTypes.IdempotencyError), (exception.HttpStatusCode, exception.StripeError.Type));
    }

    [Fact]
    public async Task A_decline_is_a_402_card_error_replayed_for_the_same_key_and_the_intent_remains()
    {
        var key = NewKey();

        var first = await Assert.ThrowsAsync<StripeException>(() => _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_chargeDeclinedInsufficientFunds"), key));
        var replay = await Assert.ThrowsAsync<StripeException>(() => _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_chargeDeclinedInsufficientFunds"), key));

        Assert.Equal((HttpStatusCode.PaymentRequired, "card_declined", "insufficient_funds"), (first.HttpStatusCode, first.StripeError.Code, first.StripeError.DeclineCode));
        Assert.Equal(first.StripeError.PaymentIntent!.Id, replay.StripeError.PaymentIntent!.Id);
        var intent = await _stripe.PaymentIntents.GetAsync(first.StripeError.PaymentIntent.Id);
        Assert.Equal(PaymentIntentStatuses.RequiresPaymentMethod, intent.Status);
    }

    [Fact]
    public async Task A_failed_intent_can_be_confirmed_again_with_another_card()
    {
        var declined = await Assert.ThrowsAsync<StripeException>(() => _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_chargeDeclined"), NewKey()));

        var retried = await _stripe.PaymentIntents.ConfirmAsync(
            declined.StripeError.PaymentIntent!.Id, new PaymentIntentConfirmOptions { PaymentMethod = "pm_card_visa" }, NewKey());

        Assert.Equal(PaymentIntentStatuses.Succeeded, retried.Status);
    }

    [Fact]
    public async Task Manual_capture_authorizes_then_captures()
    {
        var authorized = await _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_visa") with { CaptureMethod = "manual" }, NewKey());
        var captured = await _stripe.PaymentIntents.CaptureAsync(authorized.Id, new PaymentIntentCaptureOptions { AmountToCapture = 600 }, NewKey());

        Assert.Equal((PaymentIntentStatuses.RequiresCapture, 1000L), (authorized.Status, authorized.AmountCapturable));
        Assert.Equal((PaymentIntentStatuses.Succeeded, 600L), (captured.Status, captured.AmountReceived));
    }

    [Fact]
    public async Task A_succeeded_intent_cannot_be_canceled()
    {
        var intent = await _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_visa"), NewKey());

        var exception = await Assert.ThrowsAsync<StripeException>(() => _stripe.PaymentIntents.CancelAsync(intent.Id, new PaymentIntentCancelOptions(), NewKey()));

        Assert.Equal("payment_intent_unexpected_state", exception.StripeError.Code);
    }

    [Fact]
    public async Task Refunds_cannot_exceed_what_was_received()
    {
        var intent = await _stripe.PaymentIntents.CreateAsync(Confirmed("pm_card_visa"), NewKey());

        var partial = await _stripe.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id, Amount = 400 }, NewKey());
        var tooMuch = await Assert.ThrowsAsync<StripeException>(() =>
            _stripe.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id, Amount = 601 }, NewKey()));
        var rest = await _stripe.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id }, NewKey());
        var again = await Assert.ThrowsAsync<StripeException>(() => _stripe.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id }, NewKey()));

        Assert.Equal((400L, "succeeded"), (partial.Amount, partial.Status));
        Assert.Equal("amount_too_large", tooMuch.StripeError.Code);
        Assert.Equal(600, rest.Amount);
        Assert.Equal("charge_already_refunded", again.StripeError.Code);
    }

    [Fact]
    public async Task An_unknown_intent_is_resource_missing()
    {
        var exception = await Assert.ThrowsAsync<StripeException>(() => _stripe.PaymentIntents.GetAsync("pi_missing"));

        Assert.Equal((HttpStatusCode.NotFound, "resource_missing"), (exception.HttpStatusCode, exception.StripeError.Code));
    }

    private static PaymentIntentCreateOptions Confirmed(string paymentMethod) =>
        new() { Amount = 1000, Currency = "eur", PaymentMethod = paymentMethod, Confirm = true };

    private static string NewKey() => Guid.NewGuid().ToString();

    private static SimulatedWebhookDelivery NewDelivery(PaymentAppFixture payment) =>
        new(payment.Dapr, new SimulatedWebhookOutbox(payment.Dapr), new PaymentSecrets(payment.Dapr), TimeProvider.System, NullLogger<SimulatedWebhookDelivery>.Instance);
}
