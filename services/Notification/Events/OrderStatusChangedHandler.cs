using DaprShop.Contracts.Ordering;
using DaprShop.Dapr;
using DaprShop.Notification.Templates;

namespace DaprShop.Notification.Events;

/// <summary>Tells the shopper about each order status that matters to them, once per order version.</summary>
internal sealed class OrderStatusChangedHandler(ShopperMailer mailer)
{
    /// <summary>
    /// Deduped by CloudEvent id (a redelivery) and by (order, version) (the same change published again, say after
    /// ordering crashed between publishing and noting that it had).
    /// </summary>
    public async Task<IResult> HandleAsync(OrderStatusChanged change, CloudEventAttributes cloudEvent, CancellationToken cancellationToken)
    {
        if (!OrderStatusEmail.IsSentFor(change.Status)) return TopicResults.Success();

        return await mailer.SendOnceAsync(
            [ProcessedEventLog.EventKey(cloudEvent.Id), ProcessedEventLog.OrderVersionKey(change.OrderId, change.Version)],
            change.UserId,
            contact => OrderStatusEmail.For(change, contact),
            cancellationToken);
    }
}
