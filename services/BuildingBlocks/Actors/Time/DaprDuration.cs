using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace DaprShop.Actors;

/// <summary>Durations on the actor wire: Go duration strings out, Go or ISO-8601 durations in.</summary>
internal static partial class DaprDuration
{
    /// <summary>
    /// <c>{hours}h{m}m{s}s{ms}ms</c> as Dapr.Actors' ConverterUtils writes it (a valid Go duration); a negative value
    /// (<c>TimeSpan.FromMilliseconds(-1)</c>, the SDK's "no period") is written as <c>""</c>, which daprd reads as one-shot.
    /// </summary>
    public static string Format(TimeSpan value) =>
        value < TimeSpan.Zero
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"{(long)value.TotalHours}h{value.Minutes}m{value.Seconds}s{value.Milliseconds}ms");

    /// <summary>
    /// Reads what daprd echoes in callbacks and reminder lookups: Go durations (<c>"1h30m"</c>, scheduler's
    /// <c>"@every 1h0m0s"</c>) or ISO-8601 durations with an optional repetition prefix (<c>"R3/PT1H"</c>).
    /// Empty or unreadable (an RFC3339 due time) is <see cref="TimeSpan.Zero"/>: callbacks must not fail over it.
    /// </summary>
    public static TimeSpan Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return TimeSpan.Zero;
        var value = text.Trim();
        if (value.StartsWith("@every ", StringComparison.Ordinal)) value = value["@every ".Length..];
        return TryParseGo(value, out var goDuration) ? goDuration
            : TryParseIso(value, out var isoDuration) ? isoDuration
            : TimeSpan.Zero;
    }

    private static bool TryParseGo(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var matches = GoDurationPart().Matches(value);
        if (matches.Count == 0 || matches.Sum(match => match.Length) != value.Length) return false;

        foreach (Match match in matches)
        {
            var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            duration += match.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }

        return true;
    }

    private static bool TryParseIso(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var period = value.StartsWith('R') && value.IndexOf('/') is var slash and > 0 ? value[(slash + 1)..] : value;
        try
        {
            duration = XmlConvert.ToTimeSpan(period);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(?<amount>\d+(\.\d+)?)(?<unit>ns|us|µs|ms|h|m|s)")]
    private static partial Regex GoDurationPart();
}
