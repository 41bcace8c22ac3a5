using System.Text.Json;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// A reminder's definition as daprd's pre-Scheduler state-store reminders keep it: stored with the field set of
/// <c>Reminder.MarshalJSON</c> (actorID, actorType, name, data, period, dueTime, registeredTime = first due time,
/// expirationTime; empty ones omitted) and never rewritten while it runs; progress lives in its <see cref="ReminderTrack"/>.
/// </summary>
/// <param name="Data">The raw JSON sent as data, verbatim; null when none.</param>
/// <param name="DueTime">The dueTime text as the client sent it.</param>
/// <param name="Schedule">As created: NextDue is the first due time.</param>
public sealed record Reminder(string ActorType, string ActorId, string Name, string? Data, string DueTime, ActorSchedule Schedule)
{
    public bool Is(string actorId, string name) => ActorId == actorId && Name == name;

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("actorID", ActorId);
        json.WriteString("actorType", ActorType);
        json.WriteString("name", Name);
        WriteData(json);
        if (Schedule.Period is { } period) json.WriteString("period", period.Text);
        if (DueTime.Length > 0) json.WriteString("dueTime", DueTime);
        json.WriteString("registeredTime", ActorTimes.Format(Schedule.NextDue));
        if (Schedule.Expiration is { } expiration) json.WriteString("expirationTime", ActorTimes.Format(expiration));
        json.WriteEndObject();
    }

    /// <summary>
    /// GET's answer: daprd's GetReminder copies only data, dueTime and period into the Reminder it marshals, so the
    /// other MarshalJSON fields are empty and omitted.
    /// </summary>
    public byte[] GetAnswerJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteData(json);
            if (Schedule.Period is { } period) json.WriteString("period", period.Text);
            if (DueTime.Length > 0) json.WriteString("dueTime", DueTime);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The body daprd sends to the app on each tick (ReminderResponse): data omitted when none.</summary>
    public byte[] CallbackBody()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteData(json);
            json.WriteString("dueTime", DueTime);
            json.WriteString("period", Schedule.Period?.Text ?? "");
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private void WriteData(Utf8JsonWriter json)
    {
        if (Data is null) return;
        json.WritePropertyName("data");
        json.WriteRawValue(Data);
    }

    public static Reminder Read(JsonElement element)
    {
        string Text(string property) => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var periodText = Text("period");
        var period = periodText.Length == 0 ? null : ActorPeriod.Parse(periodText);
        var schedule = new ActorSchedule(
            ActorTimes.ParseTimestamp(Text("registeredTime")) ?? DateTimeOffset.UtcNow,
            period,
            period?.Repetitions ?? 1,
            ActorTimes.ParseTimestamp(Text("expirationTime")));
        var data = element.TryGetProperty("data", out var raw) ? raw.GetRawText() : null;
        return new Reminder(Text("actorType"), Text("actorID"), Text("name"), data, Text("dueTime"), schedule);
    }
}
