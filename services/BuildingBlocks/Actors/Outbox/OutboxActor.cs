using Microsoft.Extensions.Options;

namespace DaprShop.Actors;

/// <summary>
/// One per outbox event (id = event id), hosted by the app that saved it; it exists only for its retry reminder,
/// which publishes the event's record if it is still there, and unregisters once nothing is left to publish.
/// </summary>
internal sealed class OutboxActor(ActorHost host, TransactionalOutbox outbox, IOptions<OutboxOptions> options, TimeProvider clock)
    : Actor(host), IRemindable
{
    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        if (reminderName != OutboxReminder.Name) return;

        if (await outbox.FindAsync(Id.Id, CancellationToken.None) is { } pending)
        {
            await outbox.PublishAsync(pending, CancellationToken.None);
        }
        else if (OutboxReminder.IsAbandoned(state, clock.GetUtcNow(), options.Value.AbandonAfter))
        {
            await outbox.DisarmAsync(Id.Id);
        }
    }
}
