namespace DaprShop.Actors;

/// <summary>Reminders are delivered to actors implementing this (Dapr's IRemindable).</summary>
/// <remarks>
/// <paramref name="state"/> is what <c>RegisterReminderAsync</c> was given; for a reminder registered by another
/// client with non-base64 <c>data</c> it is the UTF-8 text of that JSON (see <see cref="ReminderData"/>).
/// </remarks>
public interface IRemindable
{
    Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period);
}
