using System.Globalization;
using System.Text.RegularExpressions;
using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// dueTime and ttl of reminders and timers, as dapr/kit time.ParseTime reads them: an ISO-8601 duration without
/// repetitions, a Go duration (both relative to a start), or an RFC 3339 timestamp.
/// </summary>
public static partial class ActorTimes
{
    /// <summary>Empty means "now", as daprd fires a reminder without dueTime immediately.</summary>
    public static DateTimeOffset ParseDueTime(string? text, DateTimeOffset now) => string.IsNullOrEmpty(text) ? now : ParseTime(text, now);

    /// <summary>ttl is relative to the first due time, or absolute.</summary>
    public static DateTimeOffset? ParseExpiration(string? text, DateTimeOffset firstDue) =>
        string.IsNullOrEmpty(text) ? null : ParseTime(text, firstDue);

    /// <summary>RFC 3339 with fractional seconds: Go parses it, and sub-second schedules survive a restart.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 exactly as Go's time.RFC3339 layout parses it (offset required, optional fraction).</summary>
    public static DateTimeOffset? ParseTimestamp(string? text) =>
        text is not null && Rfc3339().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    /// <summary>kit ParseTime: ISO-8601 duration (no repetitions), then Go duration, then RFC 3339, with its messages.</summary>
    private static DateTimeOffset ParseTime(string text, DateTimeOffset start)
    {
        if (ActorPeriod.TryParseIso8601(text, out var period))
            return period.Repetitions == -1 ? period.After(start) : throw new FormatException("repetitions are not allowed");
        if (GoDuration.TryParse(text, out var duration)) return start + duration;
        return ParseTimestamp(text) ?? throw new FormatException($"unsupported time/duration format: {text}");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
