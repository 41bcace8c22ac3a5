using System.Text.Json;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// How one actor type's reminder definitions are spread over state keys, as daprd's ActorMetadata
/// (pkg/actors/internal/reminders/storage/statestore/metadata.go): stored under <c>actors||&lt;type&gt;||metadata</c> as
/// <c>{"id": ..., "actorRemindersMetadata": {"partitionCount": N}}</c>; a reminder's partition is
/// FNV-1a-32(actorId + name) mod N + 1, and partition 0 (no partitions) is the single key <c>actors||&lt;type&gt;</c>.
/// </summary>
public sealed record ReminderPartitioning(string ActorType, string Id, int PartitionCount)
{
    private static readonly int[] Unpartitioned0 = [0];

    public static ReminderPartitioning Unpartitioned(string actorType) => new(actorType, Guid.Empty.ToString(), 0);

    public static string MetadataKeyOf(string actorType) => "actors||" + actorType + "||metadata";

    public IReadOnlyList<int> Partitions => PartitionCount > 0 ? Enumerable.Range(1, PartitionCount).ToArray() : Unpartitioned0;

    public string KeyOf(int partition) =>
        partition == 0 ? "actors||" + ActorType : $"actors||{ActorType}||{Id}||reminders||{partition}";

    /// <summary>daprd's hash; changing it would strand stored reminders in the wrong partition.</summary>
    public int PartitionOf(string actorId, string name)
    {
        if (PartitionCount <= 0) return 0;
        return (int)(Fnv1a.Hash(name, Fnv1a.Hash(actorId)) % (uint)PartitionCount) + 1;
    }

    public static ReminderPartitioning ReadMetadata(string actorType, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : Guid.Empty.ToString();
        var count = root.TryGetProperty("actorRemindersMetadata", out var reminders) && reminders.ValueKind == JsonValueKind.Object
                                                                               && reminders.TryGetProperty("partitionCount", out var countElement)
                                                                               && countElement.TryGetInt32(out var value)
            ? value
            : 0;
        return new ReminderPartitioning(actorType, id, Math.Max(count, 0));
    }

    public byte[] MetadataJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", Id);
            json.WriteStartObject("actorRemindersMetadata");
            json.WriteNumber("partitionCount", PartitionCount);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
