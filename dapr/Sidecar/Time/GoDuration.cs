using System.Globalization;

namespace DaprShop.Sidecar.Time;

/// <summary>
/// Go's <c>time.ParseDuration</c> format ("300ms", "1h30m", "-1.5h", "0h0m5s0ms"), which Dapr uses for every
/// duration in its resources and APIs. Units: ns, us (µs), ms, s, m, h.
/// </summary>
public static class GoDuration
{
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"time: invalid duration \"{text}\"");

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text)) return false;
        var span = text.AsSpan();
        var negative = false;
        if (span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }
        if (span is "0")
            return true;
        if (span.IsEmpty) return false;

        decimal totalTicks = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.')) numberLength++;
            if (numberLength == 0 || !decimal.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return false;
            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.') unitLength++;
            decimal ticksPerUnit = span[..unitLength] switch
            {
                "ns" => 0.01m,
                "us" or "µs" or "μs" => 10m,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => -1,
            };
            if (ticksPerUnit < 0) return false;
            totalTicks += number * ticksPerUnit;
            span = span[unitLength..];
        }
        if (totalTicks > TimeSpan.MaxValue.Ticks) return false;
        value = TimeSpan.FromTicks((long)Math.Round(totalTicks) * (negative ? -1 : 1));
        return true;
    }

    /// <summary>Formats like Go's <c>Duration.String()</c>: "1h0m0s", "1.5s", "250ms".</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        var sign = value < TimeSpan.Zero ? "-" : "";
        value = value.Duration();
        if (value < TimeSpan.FromSeconds(1))
        {
            var ms = value.TotalMilliseconds;
            return ms >= 1
                ? $"{sign}{ms.ToString("0.######", CultureInfo.InvariantCulture)}ms"
                : $"{sign}{(value.Ticks / 10.0).ToString("0.###", CultureInfo.InvariantCulture)}µs";
        }
        var hours = (long)value.TotalHours;
        var minutes = value.Minutes;
        var seconds = (value - TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(minutes)).TotalSeconds;
        var secondsText = seconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s";
        if (hours > 0) return $"{sign}{hours}h{minutes}m{secondsText}";
        if (minutes > 0) return $"{sign}{minutes}m{secondsText}";
        return sign + secondsText;
    }
}
