using System.Net;
using System.Text.Json;
using DaprShop.Dapr;

namespace DaprShop.Actors;

internal sealed partial class ActorSidecarClient
{
    /// <summary>Creates or overwrites a reminder: Go durations, <c>data</c> as a base64 string (see <see cref="ReminderData"/>).</summary>
    public async Task RegisterReminderAsync(
        string actorType, string actorId, string reminderName, byte[]? state, TimeSpan dueTime, TimeSpan period, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        var body = WireJson.Write(writer =>
        {
            writer.WriteStartObject();
            WriteSchedule(writer, dueTime, period, ttl, ReminderData.Encode(state));
            writer.WriteEndObject();
        });
        await SendWithoutResultAsync(HttpMethod.Put, ActorUri(actorType, actorId, $"reminders/{SidecarUri.Segment(reminderName)}"), body, cancellationToken);
    }

    /// <summary>The reminder, or null when daprd knows none by that name (404, or the scheduler's empty <c>{}</c>).</summary>
    public async Task<IActorReminder?> GetReminderAsync(string actorType, string actorId, string reminderName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ActorUri(actorType, actorId, $"reminders/{SidecarUri.Segment(reminderName)}"));
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NoContent) return null;
        if (!response.IsSuccessStatusCode) throw await DaprErrorReader.ReadAsync(response, cancellationToken);

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0) return null;

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.EnumerateObject().Any()) return null;

        var reminder = ActorScheduleBody.Read(root);
        return new ActorReminder(reminderName, reminder.Data, reminder.DueTime, reminder.Period);
    }

    public Task UnregisterReminderAsync(string actorType, string actorId, string reminderName, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(HttpMethod.Delete, ActorUri(actorType, actorId, $"reminders/{SidecarUri.Segment(reminderName)}"), null, cancellationToken);

    public async Task RegisterTimerAsync(
        string actorType, string actorId, string timerName, string callback, byte[]? state, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        var body = WireJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("callback", callback);
            WriteSchedule(writer, dueTime, period, ttl: null, ReminderData.Encode(state));
            writer.WriteEndObject();
        });
        await SendWithoutResultAsync(HttpMethod.Put, ActorUri(actorType, actorId, $"timers/{SidecarUri.Segment(timerName)}"), body, cancellationToken);
    }

    public Task UnregisterTimerAsync(string actorType, string actorId, string timerName, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(HttpMethod.Delete, ActorUri(actorType, actorId, $"timers/{SidecarUri.Segment(timerName)}"), null, cancellationToken);

    private static void WriteSchedule(Utf8JsonWriter writer, TimeSpan dueTime, TimeSpan period, TimeSpan? ttl, string? data)
    {
        writer.WriteString("dueTime", DaprDuration.Format(dueTime));
        writer.WriteString("period", DaprDuration.Format(period));
        if (ttl is { } timeToLive) writer.WriteString("ttl", DaprDuration.Format(timeToLive));
        if (data is not null) writer.WriteString("data", data);
    }

    private async Task SendWithoutResultAsync(HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null) request.Content = JsonContent(body);
        using var response = await SendToSidecarAsync(request, cancellationToken);
    }
}
