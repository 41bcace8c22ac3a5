using System.Collections.Concurrent;
using System.Text.Json;
using DaprShop.Sidecar.Components.State;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// Reminders persisted in the actor state store the way daprd's pre-Scheduler reminders are
/// (dapr/dapr pkg/actors/internal/reminders/storage/statestore): without storage partitions the definitions of one
/// actor type are one JSON array under <c>actors||&lt;type&gt;</c>; with <c>remindersStoragePartitions</c> N they are
/// spread over <c>actors||&lt;type&gt;||&lt;metadata id&gt;||reminders||&lt;1..N&gt;</c>, described by
/// <c>actors||&lt;type&gt;||metadata</c>. Each reminder's <see cref="ReminderTrack"/> lives under its own key. List
/// writes are ETag-checked and retried, so two sidecars sharing the store never lose each other's updates.
/// </summary>
public sealed class ReminderStore(IStateStore store)
{
    private const int Attempts = 10;

    private readonly ConcurrentDictionary<string, Task<ReminderPartitioning>> _partitionings = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the type's partitioning and, like daprd, moves its reminders to a fresh layout when
    /// <paramref name="configuredPartitions"/> is more than the stored count (a smaller one keeps what is stored).
    /// </summary>
    public Task OpenAsync(string actorType, int configuredPartitions, CancellationToken cancellationToken) =>
        _partitionings[actorType] = OpenPartitioningAsync(actorType, configuredPartitions, cancellationToken);

    /// <summary>
    /// Types not opened (reminders of a type another app hosts) follow whatever partitioning is stored; a failed read
    /// is not remembered.
    /// </summary>
    public Task<ReminderPartitioning> PartitioningAsync(string actorType, CancellationToken cancellationToken)
    {
        var partitioning = _partitionings.GetOrAdd(actorType, ReadPartitioningAsync);
        if (partitioning.IsFaulted || partitioning.IsCanceled) _partitionings.TryRemove(new(actorType, partitioning));
        return partitioning.WaitAsync(cancellationToken);
    }

    public async Task<int> PartitionOfAsync(string actorType, string actorId, string name, CancellationToken cancellationToken) =>
        (await PartitioningAsync(actorType, cancellationToken)).PartitionOf(actorId, name);

    public async Task<IReadOnlyList<Reminder>> LoadAsync(string actorType, int partition, CancellationToken cancellationToken)
    {
        var key = (await PartitioningAsync(actorType, cancellationToken)).KeyOf(partition);
        return (await ReadAsync(key, cancellationToken)).Reminders;
    }

    /// <summary>Applies <paramref name="change"/> to the partition's stored list and saves it; returns what the change returned.</summary>
    public async Task<T> UpdateAsync<T>(string actorType, int partition, Func<List<Reminder>, T> change, CancellationToken cancellationToken)
    {
        var key = (await PartitioningAsync(actorType, cancellationToken)).KeyOf(partition);
        for (var attempt = 1; ; attempt++)
        {
            var (reminders, etag) = await ReadAsync(key, cancellationToken);
            var list = reminders.ToList();
            var result = change(list);
            try
            {
                await WriteAsync(key, list, etag, cancellationToken);
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
        var partition = await PartitionOfAsync(actorType, actorId, name, cancellationToken);
        await UpdateAsync(actorType, partition, list => list.RemoveAll(r => r.Is(actorId, name)), cancellationToken);
        await store.DeleteAsync(new StateDeleteRequest(ReminderTrack.KeyOf(actorType, actorId, name), null, StateConcurrency.LastWrite,
            new Dictionary<string, string>()), cancellationToken);
    }

    private static string TrackKey(Reminder reminder) => ReminderTrack.KeyOf(reminder.ActorType, reminder.ActorId, reminder.Name);

    private async Task<ReminderPartitioning> ReadPartitioningAsync(string actorType) =>
        (await ReadMetadataAsync(actorType, CancellationToken.None)).Partitioning;

    private async Task<ReminderPartitioning> OpenPartitioningAsync(string actorType, int configuredPartitions, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (stored, etag) = await ReadMetadataAsync(actorType, cancellationToken);
            if (configuredPartitions <= stored.PartitionCount) return stored;
            var moved = new ReminderPartitioning(actorType, Guid.NewGuid().ToString(), configuredPartitions);
            var reminders = new List<Reminder>();
            foreach (var partition in stored.Partitions) reminders.AddRange((await ReadAsync(stored.KeyOf(partition), cancellationToken)).Reminders);
            foreach (var group in reminders.GroupBy(r => moved.PartitionOf(r.ActorId, r.Name)))
                await WriteAsync(moved.KeyOf(group.Key), group.ToList(), null, cancellationToken);
            try
            {
                // The metadata write is the switch: until it lands everyone keeps using the previous layout.
                await store.SetAsync(new StateSetRequest(
                    ReminderPartitioning.MetadataKeyOf(actorType), moved.MetadataJson(), etag,
                    etag is null ? StateConcurrency.FirstWrite : StateConcurrency.LastWrite, new Dictionary<string, string>()), cancellationToken);
                return moved;
            }
            catch (StateETagMismatchException) when (attempt < Attempts)
            {
            }
        }
    }

    private async Task<(ReminderPartitioning Partitioning, string? ETag)> ReadMetadataAsync(string actorType, CancellationToken cancellationToken) =>
        await store.GetAsync(ReminderPartitioning.MetadataKeyOf(actorType), cancellationToken) is { } entry
            ? (ReminderPartitioning.ReadMetadata(actorType, entry.Value), entry.ETag)
            : (ReminderPartitioning.Unpartitioned(actorType), null);

    private async Task<(IReadOnlyList<Reminder> Reminders, string? ETag)> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(key, cancellationToken);
        IReadOnlyList<Reminder> reminders = [];
        if (entry is not null)
        {
            using var document = JsonDocument.Parse(entry.Value);
            if (document.RootElement.ValueKind == JsonValueKind.Array) reminders = document.RootElement.EnumerateArray().Select(Reminder.Read).ToList();
        }
        return (reminders, entry?.ETag);
    }

    private Task WriteAsync(string key, List<Reminder> reminders, string? etag, CancellationToken cancellationToken) =>
        store.SetAsync(new StateSetRequest(
            key, Serialize(reminders), etag, etag is null ? StateConcurrency.FirstWrite : StateConcurrency.LastWrite,
            new Dictionary<string, string>()), cancellationToken);

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
