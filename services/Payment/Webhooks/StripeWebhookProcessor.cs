using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Payment.Domain;
using DaprShop.Payment.Persistence;
using DaprShop.Payment.Stripe;
using DaprShop.Payment.Stripe.Webhooks;

namespace DaprShop.Payment.Webhooks;

/// <summary>
/// Applies a verified Stripe event to its order's ledger, then publishes the outcome. The ledger records the event id
/// with the change (one guarded write), so a duplicate delivery changes nothing; it also records whether the outcome
/// left, so a delivery after a crash between save and publish publishes it then (no lost, no phantom events).
/// </summary>
public sealed class StripeWebhookProcessor(PaymentLedgerStore ledgers, DaprClient dapr, ILogger<StripeWebhookProcessor> logger)
{
    public async Task ProcessAsync(StripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        if (WebhookEffect.Of(stripeEvent) is not { } effect)
        {
            logger.LogInformation("Stripe event {EventId} ({EventType}) concerns no order of this shop; acknowledged", stripeEvent.Id, stripeEvent.Type);
            return;
        }

        if (stripeEvent.ApiVersion is { } version && version != StripeClientOptions.ApiVersion)
        {
            logger.LogWarning("Stripe event {EventId} is rendered in API version {EventVersion}, not the pinned {PinnedVersion}", stripeEvent.Id, version, StripeClientOptions.ApiVersion);
        }

        var ledger = await ledgers.UpdateAsync(
            effect.OrderId,
            current => current?.Applied(stripeEvent.Id) is not null
                ? current
                : effect.Apply(current)?.WithWebhook(new AppliedWebhook(stripeEvent.Id, effect.TopicFor(current))) ?? current,
            cancellationToken);
        if (ledger?.Applied(stripeEvent.Id) is not { } applied)
        {
            logger.LogWarning(
                "Stripe event {EventId} ({EventType}) names order {OrderId} but not its payment {PaymentIntentId} or amount; ignored",
                stripeEvent.Id, stripeEvent.Type, effect.OrderId, ledger?.PaymentIntentId);
            return;
        }

        if (applied.PendingTopic is not { } topic)
        {
            logger.LogInformation("Stripe event {EventId} ({EventType}) for order {OrderId} is applied", stripeEvent.Id, stripeEvent.Type, effect.OrderId);
            return;
        }

        await dapr.PublishEventAsync(ComponentNames.PubSub, topic, effect.Outcome(ledger), cancellationToken);
        await ledgers.UpdateAsync(effect.OrderId, current => current!.WithWebhook(applied with { PendingTopic = null }), cancellationToken);
        logger.LogInformation("Stripe event {EventId} ({EventType}) for order {OrderId} applied and published to {Topic}", stripeEvent.Id, stripeEvent.Type, effect.OrderId, topic);
    }
}
