using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Notification.Email;

namespace DaprShop.Notification.Events;

/// <summary>Announces each new product with a catalog-update email, once per event however often it is delivered.</summary>
internal sealed class ProductCreatedHandler(ProcessedEventLog processedEvents, EmailOutbox email, TimeProvider clock, ILogger<ProductCreatedHandler> logger)
{
    /// <summary>
    /// Sends the email, then records the event id. A crash between the two means one more delivery and one more send
    /// of the same file, which overwrites the first: at-least-once delivery without a duplicate to read.
    /// </summary>
    public async Task<IResult> HandleAsync(ProductCreated productCreated, CloudEventAttributes cloudEvent, CancellationToken cancellationToken)
    {
        string[] processedKeys = [ProcessedEventLog.EventKey(cloudEvent.Id)];
        if (await processedEvents.ContainsAnyAsync(processedKeys, cancellationToken))
        {
            logger.LogInformation("Event {EventId} for product {ProductId} was already handled; acknowledging the redelivery", cloudEvent.Id, productCreated.ProductId);
            return TopicResults.Success();
        }

        await email.SendAsync(CatalogUpdateEmail.FileNameFor(productCreated), CatalogUpdateEmail.TextFor(productCreated), cancellationToken);
        await processedEvents.AddAsync(processedKeys, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Sent the catalog update for product {ProductId} (event {EventId})", productCreated.ProductId, cloudEvent.Id);
        return TopicResults.Success();
    }
}
