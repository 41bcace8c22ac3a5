using System.Text.Json;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// A reminder's progress, persisted apart from its definition as daprd's state-store reminders do (api.ReminderTrack
/// under the key <c>&lt;type&gt;||&lt;id&gt;||&lt;name&gt;</c>): when it last fired and how many repetitions are left
/// (-1 unbounded). Written after every tick, so a restarted sidecar resumes where the last one stopped.
/// </summary>
public sealed record ReminderTrack(DateTimeOffset? LastFiredTime, int RepetitionLeft)
{
    public static string KeyOf(string actorType, string actorId, string name) => $"{actorType}||{actorId}||{name}";

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (LastFiredTime is { } lastFired) json.WriteString("lastFiredTime", ActorTimes.Format(lastFired));
            json.WriteNumber("repetitionLeft", RepetitionLeft);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static ReminderTrack Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var lastFired = root.TryGetProperty("lastFiredTime", out var time) && time.ValueKind == JsonValueKind.String
            ? ActorTimes.ParseTimestamp(time.GetString())
            : null;
        return new ReminderTrack(lastFired, root.TryGetProperty("repetitionLeft", out var left) && left.TryGetInt32(out var count) ? count : -1);
    }

    /// <summary>Where a reminder stands given its progress: the tick after the last one fired, or its first due time.</summary>
    public ActorSchedule? Resume(ActorSchedule initial) =>
        LastFiredTime is { } lastFired
            ? (initial with { NextDue = lastFired, RepetitionsLeft = RepetitionLeft == -1 ? -1 : RepetitionLeft + 1 }).AfterTick()
            : initial with { RepetitionsLeft = RepetitionLeft };
}
