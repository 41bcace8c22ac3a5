using DaprShop.Contracts.Identity;
using DaprShop.Dapr;
using DaprShop.Notification.Email;
using DaprShop.Notification.Recipients;
using DaprShop.Notification.Rendering;

namespace DaprShop.Notification.Events;

/// <summary>
/// Sends one email to one user for one event, once: the common path of every handler that writes to a shopper.
/// </summary>
internal sealed class ShopperMailer(
    ProcessedEventLog processedEvents, IdentityContacts contacts, EmailOutbox outbox, TimeProvider clock, ILogger<ShopperMailer> logger)
{
    /// <summary>
    /// Looks the recipient up, sends, then records the event under <paramref name="processedKeys"/>. A crash between
    /// send and record means one more delivery and one more send of the same file, which overwrites the first:
    /// at-least-once delivery without a duplicate to read. An erased account is acknowledged without email (there is
    /// nobody to write to, and asking again will not change that); identity unreachable asks the sidecar to redeliver.
    /// </summary>
    public async Task<IResult> SendOnceAsync(
        IReadOnlyList<string> processedKeys, Guid userId, Func<UserContact, EmailMessage> compose, CancellationToken cancellationToken)
    {
        if (await processedEvents.ContainsAnyAsync(processedKeys, cancellationToken))
        {
            logger.LogInformation("{Event} was already handled; acknowledging the redelivery", processedKeys[0]);
            return TopicResults.Success();
        }

        var lookup = await contacts.FindAsync(userId, cancellationToken);
        if (lookup.Erased)
        {
            logger.LogInformation("User {UserId} is erased; {Event} sends no email", userId, processedKeys[0]);
            return TopicResults.Success();
        }

        if (lookup.Contact is not { } contact) return TopicResults.Retry();

        var message = compose(contact);
        await outbox.SendAsync(message.FileName, MimeDocument.Render(message), cancellationToken);
        await processedEvents.AddAsync(processedKeys, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Sent {Email} to user {UserId} for {Event}", message.FileName, userId, processedKeys[0]);
        return TopicResults.Success();
    }
}
