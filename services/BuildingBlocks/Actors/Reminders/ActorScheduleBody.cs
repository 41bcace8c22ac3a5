using System.Text.Json;

namespace DaprShop.Actors;

/// <summary>
/// The JSON daprd sends with a reminder or timer callback (<c>{"data","dueTime","period"}</c>, plus <c>callback</c>
/// for timers) and returns from a reminder lookup.
/// </summary>
internal sealed record ActorScheduleBody(byte[] Data, TimeSpan DueTime, TimeSpan Period, string? Callback)
{
    /// <summary>Anything but a JSON object (an empty body) is a callback without data or schedule.</summary>
    public static ActorScheduleBody Read(JsonElement root) =>
        root.ValueKind != JsonValueKind.Object
            ? new ActorScheduleBody([], TimeSpan.Zero, TimeSpan.Zero, null)
            : new(
            ReminderData.Decode(root.TryGetProperty("data", out var data) ? data : default),
            DaprDuration.Parse(StringProperty(root, "dueTime")),
            DaprDuration.Parse(StringProperty(root, "period")),
            StringProperty(root, "callback"));

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
