using System.Text.Json;
using DaprShop.Sidecar.Components.State;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// Reminders persisted in the actor state store the way daprd's pre-Scheduler reminders are (without storage
/// partitions): the definitions of one actor type as a JSON array under <c>actors||&lt;type&gt;</c>, and each
/// reminder's <see cref="ReminderTrack"/> under its own key. List writes are ETag-checked and retried, so two sidecars
/// sharing the store never lose each other's updates.
/// </summary>
public sealed class ReminderStore(IStateStore store)
{
    private const int Attempts = 10;

    public static string KeyOf(string actorType) => "actors||" + actorType;

    public async Task<IReadOnlyList<Reminder>> LoadAsync(string actorType, CancellationToken cancellationToken) =>
        (await ReadAsync(actorType, cancellationToken)).Reminders;

    /// <summary>Applies <paramref name="change"/> to the stored list and saves it; returns what the change returned.</summary>
    public async Task<T> UpdateAsync<T>(string actorType, Func<List<Reminder>, T> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (reminders, etag) = await ReadAsync(actorType, cancellationToken);
            var list = reminders.ToList();
            var result = change(list);
            try
            {
                await store.SetAsync(new StateSetRequest(
                    KeyOf(actorType), Serialize(list), etag, etag is null ? StateConcurrency.FirstWrite : StateConcurrency.LastWrite,
                    new Dictionary<string, string>()), cancellationToken);
                return result;
            }
            catch (StateETagMismatchException) when (attempt < Attempts)
            {
            }
        }
    }

    public async Task<ReminderTrack?> LoadTrackAsync(Reminder reminder, CancellationToken cancellationToken) =>
        await store.GetAsync(TrackKey(reminder), cancellationToken) is { } entry ? ReminderTrack.Read(entry.Value) : null;

    public Task SaveTrackAsync(Reminder reminder, ReminderTrack track, CancellationToken cancellationToken) =>
        store.SetAsync(new StateSetRequest(TrackKey(reminder), track.ToJson(), null, StateConcurrency.LastWrite, new Dictionary<string, string>()),
            cancellationToken);

    /// <summary>Removes the definition and its track (daprd deletes both too).</summary>
    public async Task DeleteAsync(string actorType, string actorId, string name, CancellationToken cancellationToken)
    {
        await UpdateAsync(actorType, list => list.RemoveAll(r => r.Is(actorId, name)), cancellationToken);
        await store.DeleteAsync(new StateDeleteRequest(ReminderTrack.KeyOf(actorType, actorId, name), null, StateConcurrency.LastWrite,
            new Dictionary<string, string>()), cancellationToken);
    }

    private static string TrackKey(Reminder reminder) => ReminderTrack.KeyOf(reminder.ActorType, reminder.ActorId, reminder.Name);

    private async Task<(IReadOnlyList<Reminder> Reminders, string? ETag)> ReadAsync(string actorType, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(KeyOf(actorType), cancellationToken);
        if (entry is null) return ([], null);
        using var document = JsonDocument.Parse(entry.Value);
        var reminders = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().Select(Reminder.Read).ToList()
            : [];
        return (reminders, entry.ETag);
    }

    private static byte[] Serialize(IEnumerable<Reminder> reminders)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var reminder in reminders) reminder.Write(json);
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }
}
