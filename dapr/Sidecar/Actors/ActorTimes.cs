using System.Globalization;
using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// dueTime and ttl of reminders and timers, as dapr/kit time.ParseTime reads them: an ISO-8601 duration without
/// repetitions, a Go duration (both relative to a start), or an RFC 3339 timestamp.
/// </summary>
public static class ActorTimes
{
    /// <summary>Empty means "now", as daprd fires a reminder without dueTime immediately.</summary>
    public static DateTimeOffset ParseDueTime(string? text, DateTimeOffset now) => string.IsNullOrEmpty(text) ? now : ParseTime(text, now);

    /// <summary>ttl is relative to the first due time, or absolute.</summary>
    public static DateTimeOffset? ParseExpiration(string? text, DateTimeOffset firstDue) =>
        string.IsNullOrEmpty(text) ? null : ParseTime(text, firstDue);

    /// <summary>RFC 3339 with fractional seconds: Go parses it, and sub-second schedules survive a restart.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static DateTimeOffset ParseTime(string text, DateTimeOffset start)
    {
        if (text.StartsWith('P') || text.StartsWith('R'))
        {
            var period = ActorPeriod.Parse(text);
            if (period.Repetitions != -1) throw new FormatException($"repetitions are not allowed in \"{text}\"");
            return period.After(start);
        }
        if (GoDuration.TryParse(text, out var duration)) return start + duration;
        if (text.Contains('T') && ParseTimestamp(text) is { } time) return time;
        throw new FormatException($"unsupported time/duration format \"{text}\"");
    }
}
