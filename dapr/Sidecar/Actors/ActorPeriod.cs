using System.Globalization;
using System.Text.RegularExpressions;
using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// A reminder/timer interval as dapr/kit time.ParseDuration reads it: an ISO-8601 duration with an optional
/// <c>Rn/</c> repetition prefix (<c>R5/PT10S</c>, <c>P1Y2M3W4D</c>; integer components, W = 7 days) or a Go
/// duration. Years, months and days are calendar steps, so they are kept apart from the fixed-length part.
/// </summary>
/// <param name="Repetitions">The n of <c>Rn/</c>; -1 = unbounded.</param>
/// <param name="Text">As the client wrote it; daprd echoes this text (ReminderPeriod.String) in every callback.</param>
public sealed partial record ActorPeriod(int Years, int Months, int Days, TimeSpan Fixed, int Repetitions, string Text)
{
    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Fixed == TimeSpan.Zero;

    public DateTimeOffset After(DateTimeOffset time) => time.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Fixed);

    /// <summary>A reminder/timer period: ISO-8601 first, then Go, as kit ParseDuration; messages of daprd's parseReminderPeriod.</summary>
    /// <exception cref="FormatException">Neither a Go nor an ISO-8601 duration; or <c>R0/</c>.</exception>
    public static ActorPeriod Parse(string text)
    {
        if (!TryParseIso8601(text, out var period))
        {
            period = GoDuration.TryParse(text, out var duration) && duration >= TimeSpan.Zero
                ? new ActorPeriod(0, 0, 0, duration, -1, text)
                : throw new FormatException($"parse error: unsupported duration format: {text}");
        }
        return period.Repetitions == 0 ? throw new FormatException("has zero repetitions") : period;
    }

    /// <summary>
    /// The ISO-8601 durations kit ParseISO8601Duration reads, in their canonical order (a subset: kit also takes
    /// components in any order, so whatever is accepted here daprd accepts too).
    /// </summary>
    public static bool TryParseIso8601(string text, out ActorPeriod period)
    {
        period = null!;
        var match = Iso8601().Match(text);
        if (!match.Success || (match.Groups["y"].Length + match.Groups["mo"].Length + match.Groups["w"].Length + match.Groups["d"].Length
                               + match.Groups["h"].Length + match.Groups["mi"].Length + match.Groups["s"].Length) == 0)
            return false;
        var repetitions = match.Groups["r"].Success ? Number(match, "r") : -1;
        var fixedPart = TimeSpan.FromHours(Number(match, "h")) + TimeSpan.FromMinutes(Number(match, "mi")) + TimeSpan.FromSeconds(Number(match, "s"));
        period = new ActorPeriod(Number(match, "y"), Number(match, "mo"), Number(match, "w") * 7 + Number(match, "d"), fixedPart, repetitions, text);
        return true;
    }

    private static int Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:R(?<r>\d+)/)?P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+)S)?)?$")]
    private static partial Regex Iso8601();
}
