using System.Text.Json;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// A reminder as stored in the actor state store and returned by GET: the field set of the pre-Scheduler
/// <c>Reminder.MarshalJSON</c> (actorID, actorType, name, data, period, dueTime, registeredTime, expirationTime; empty
/// ones omitted). Unlike daprd, which keeps progress in a separate reminder track, each tick rewrites
/// <c>registeredTime</c> to the next due time and <c>period</c> to the repetitions left, so one document is the truth.
/// </summary>
/// <param name="Data">The raw JSON sent as data, verbatim; null when none.</param>
/// <param name="DueTime">The dueTime text as the client sent it.</param>
public sealed record Reminder(string ActorType, string ActorId, string Name, string? Data, string DueTime, ActorSchedule Schedule)
{
    public bool Is(string actorId, string name) => ActorId == actorId && Name == name;

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("actorID", ActorId);
        json.WriteString("actorType", ActorType);
        json.WriteString("name", Name);
        if (Data is not null)
        {
            json.WritePropertyName("data");
            json.WriteRawValue(Data);
        }
        if (Schedule.Period is { } period) json.WriteString("period", period.Text);
        if (DueTime.Length > 0) json.WriteString("dueTime", DueTime);
        json.WriteString("registeredTime", ActorTimes.Format(Schedule.NextDue));
        if (Schedule.Expiration is { } expiration) json.WriteString("expirationTime", ActorTimes.Format(expiration));
        json.WriteEndObject();
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) Write(json);
        return buffer.ToArray();
    }

    /// <summary>The body daprd sends to the app on each tick (ReminderResponse): data omitted when none.</summary>
    public byte[] CallbackBody()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (Data is not null)
            {
                json.WritePropertyName("data");
                json.WriteRawValue(Data);
            }
            json.WriteString("dueTime", DueTime);
            json.WriteString("period", Schedule.Period?.Text ?? "");
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static Reminder Read(JsonElement element)
    {
        string Text(string property) => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var period = Text("period");
        var schedule = new ActorSchedule(
            ActorTimes.ParseTimestamp(Text("registeredTime")) ?? DateTimeOffset.UtcNow,
            period.Length == 0 ? null : ActorPeriod.Parse(period),
            ActorTimes.ParseTimestamp(Text("expirationTime")));
        var data = element.TryGetProperty("data", out var raw) ? raw.GetRawText() : null;
        return new Reminder(Text("actorType"), Text("actorID"), Text("name"), data, Text("dueTime"), schedule);
    }
}
