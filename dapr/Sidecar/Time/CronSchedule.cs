using System.Globalization;

namespace DaprShop.Sidecar.Time;

/// <summary>
/// A cron schedule as Dapr's cron binding parses and evaluates it: a port of dapr/kit/cron (a fork of robfig/cron v3)
/// parser.go, spec.go and constantdelay.go, with the parser options bindings/cron/cron.go uses
/// (SecondOptional | Minute | Hour | Dom | Month | Dow | Descriptor).
/// Accepts 5 or 6 fields (<c>[second] minute hour day-of-month month day-of-week</c>) with <c>*</c>, <c>?</c>,
/// ranges, lists, steps and the names JAN–DEC and SUN–SAT; the descriptors @yearly, @annually, @monthly, @weekly,
/// @daily, @midnight, @hourly and <c>@every &lt;Go duration&gt;</c>; and a leading <c>CRON_TZ=Zone </c> or <c>TZ=Zone </c>.
/// </summary>
public sealed class CronSchedule
{
    private const ulong StarBit = 1UL << 63;

    private static readonly Bounds Seconds = new(0, 59);
    private static readonly Bounds Minutes = new(0, 59);
    private static readonly Bounds Hours = new(0, 23);
    private static readonly Bounds DaysOfMonth = new(1, 31);
    private static readonly Bounds Months = new(1, 12, new Dictionary<string, int>
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    });
    private static readonly Bounds DaysOfWeek = new(0, 6, new Dictionary<string, int>
    {
        ["sun"] = 0, ["mon"] = 1, ["tue"] = 2, ["wed"] = 3, ["thu"] = 4, ["fri"] = 5, ["sat"] = 6,
    });

    private readonly TimeSpan? _every;
    private readonly ulong _second, _minute, _hour, _dayOfMonth, _month, _dayOfWeek;
    private readonly TimeZoneInfo _zone;

    private CronSchedule(TimeSpan every, TimeZoneInfo zone)
    {
        _every = every;
        _zone = zone;
    }

    private CronSchedule(ulong second, ulong minute, ulong hour, ulong dayOfMonth, ulong month, ulong dayOfWeek, TimeZoneInfo zone)
    {
        (_second, _minute, _hour, _dayOfMonth, _month, _dayOfWeek, _zone) = (second, minute, hour, dayOfMonth, month, dayOfWeek, zone);
    }

    /// <param name="localZone">The zone of a schedule without a TZ prefix: the process's local zone (Go's time.Local).</param>
    /// <exception cref="FormatException">The spec is not valid.</exception>
    public static CronSchedule Parse(string spec, TimeZoneInfo localZone)
    {
        if (spec.Length == 0) throw new FormatException("empty spec string");
        var zone = localZone;
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ');
            if (space < 0) throw new FormatException($"missing schedule after time zone: {spec}");
            var name = spec[(spec.IndexOf('=') + 1)..space];
            zone = LoadLocation(name, localZone) ?? throw new FormatException($"provided bad location {name}");
            spec = spec[space..].Trim();
        }

        if (spec.StartsWith('@')) return ParseDescriptor(spec, zone);

        var fields = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 5 or > 6)
            throw new FormatException($"expected 5 to 6 fields, found {fields.Length}: [{string.Join(' ', fields)}]");
        if (fields.Length == 5) fields = ["0", .. fields];
        return new CronSchedule(
            GetField(fields[0], Seconds), GetField(fields[1], Minutes), GetField(fields[2], Hours),
            GetField(fields[3], DaysOfMonth), GetField(fields[4], Months), GetField(fields[5], DaysOfWeek), zone);
    }

    /// <summary>The first activation strictly after <paramref name="after"/>; null when none falls within five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        if (_every is { } every)
        {
            // constantdelay.go: round so that activations fall on the millisecond.
            return after + every - TimeSpan.FromTicks(after.UtcTicks % TimeSpan.TicksPerMillisecond);
        }

        // spec.go Next, step by step. t is the instant; Local(t) its wall clock in the schedule's zone.
        var t = new DateTime(after.UtcTicks - after.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        var added = false;
        var yearLimit = Local(t).Year + 5;

    WRAP: // robfig's label: a field wrapped around, so every field is checked again from the month down.
        if (Local(t).Year > yearLimit) return null;

        while (!Has(_month, Local(t).Month))
        {
            if (!added)
            {
                added = true;
                var local = Local(t);
                t = Date(local.Year, local.Month, 1, 0, 0, 0);
            }
            t = AddDate(t, months: 1, days: 0);
            if (Local(t).Month == 1) goto WRAP;
        }

        while (!DayMatches(Local(t)))
        {
            if (!added)
            {
                added = true;
                var local = Local(t);
                t = Date(local.Year, local.Month, local.Day, 0, 0, 0);
            }
            t = AddDate(t, months: 0, days: 1);
            // Where DST moves midnight, the day may not start at hour 0: step back to it, as spec.go does.
            var hour = Local(t).Hour;
            if (hour != 0) t = hour > 12 ? t.AddHours(24 - hour) : t.AddHours(-hour);
            if (Local(t).Day == 1) goto WRAP;
        }

        while (!Has(_hour, Local(t).Hour))
        {
            if (!added)
            {
                added = true;
                var local = Local(t);
                t = Date(local.Year, local.Month, local.Day, local.Hour, 0, 0);
            }
            t = t.AddHours(1);
            if (Local(t).Hour == 0) goto WRAP;
        }

        while (!Has(_minute, Local(t).Minute))
        {
            if (!added)
            {
                added = true;
                t = new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
            }
            t = t.AddMinutes(1);
            if (Local(t).Minute == 0) goto WRAP;
        }

        while (!Has(_second, Local(t).Second))
        {
            if (!added)
            {
                added = true;
                t = new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            }
            t = t.AddSeconds(1);
            if (Local(t).Second == 0) goto WRAP;
        }

        return new DateTimeOffset(t).ToOffset(_zone.GetUtcOffset(t));
    }

    private DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, _zone);

    /// <summary>
    /// Go's time.Date in the schedule's zone: out-of-range fields carry over, and a wall time that does not exist
    /// (or exists twice) around a DST change gets the offset Go would pick.
    /// </summary>
    private DateTime Date(int year, int month, int day, int hour, int minute, int second)
    {
        var wall = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc)
            .AddMonths(month - 1).AddDays(day - 1).AddHours(hour).AddMinutes(minute).AddSeconds(second);
        // Go looks up the offset in force at the wall time read as UTC, then re-checks it at the resulting instant.
        var guess = wall - _zone.GetUtcOffset(wall);
        return wall - _zone.GetUtcOffset(guess);
    }

    /// <summary>Go's t.AddDate: calendar arithmetic on the wall clock, normalised by <see cref="Date"/>.</summary>
    private DateTime AddDate(DateTime utc, int months, int days)
    {
        var local = Local(utc);
        return Date(local.Year, local.Month + months, local.Day + days, local.Hour, local.Minute, local.Second);
    }

    /// <summary>spec.go dayMatches: if either day field was given as * (or ?), both must match; otherwise either may.</summary>
    private bool DayMatches(DateTime local)
    {
        var dayOfMonthMatch = Has(_dayOfMonth, local.Day);
        var dayOfWeekMatch = Has(_dayOfWeek, (int)local.DayOfWeek);
        return (_dayOfMonth & StarBit) != 0 || (_dayOfWeek & StarBit) != 0
            ? dayOfMonthMatch && dayOfWeekMatch
            : dayOfMonthMatch || dayOfWeekMatch;
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private static CronSchedule ParseDescriptor(string descriptor, TimeZoneInfo zone)
    {
        const ulong first = 1;
        switch (descriptor)
        {
            case "@yearly" or "@annually":
                return new CronSchedule(first << 0, first << 0, first << 0, first << 1, first << 1, All(DaysOfWeek), zone);
            case "@monthly":
                return new CronSchedule(first << 0, first << 0, first << 0, first << 1, All(Months), All(DaysOfWeek), zone);
            case "@weekly":
                return new CronSchedule(first << 0, first << 0, first << 0, All(DaysOfMonth), All(Months), first << 0, zone);
            case "@daily" or "@midnight":
                return new CronSchedule(first << 0, first << 0, first << 0, All(DaysOfMonth), All(Months), All(DaysOfWeek), zone);
            case "@hourly":
                return new CronSchedule(first << 0, first << 0, All(Hours), All(DaysOfMonth), All(Months), All(DaysOfWeek), zone);
        }
        const string every = "@every ";
        if (!descriptor.StartsWith(every, StringComparison.Ordinal))
            throw new FormatException($"unrecognized descriptor: {descriptor}");
        if (!GoDuration.TryParse(descriptor[every.Length..], out var duration))
            throw new FormatException($"failed to parse duration {descriptor}");
        // constantdelay.go Every: at least a millisecond, whole milliseconds.
        if (duration < TimeSpan.FromMilliseconds(1)) duration = TimeSpan.FromMilliseconds(1);
        return new CronSchedule(duration - TimeSpan.FromTicks(duration.Ticks % TimeSpan.TicksPerMillisecond), zone);
    }

    /// <summary>parser.go getField: a comma-separated list of ranges.</summary>
    private static ulong GetField(string field, Bounds bounds) =>
        field.Split(',', StringSplitOptions.RemoveEmptyEntries).Aggregate(0UL, (bits, range) => bits | GetRange(range, bounds));

    /// <summary>parser.go getRange: <c>number | name | * | ? </c>, optionally <c>-end</c>, optionally <c>/step</c>.</summary>
    private static ulong GetRange(string expression, Bounds bounds)
    {
        var rangeAndStep = expression.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        var singleValue = lowAndHigh.Length == 1;
        int start, end, step;
        var extra = 0UL;

        if (lowAndHigh[0] is "*" or "?")
        {
            (start, end, extra) = (bounds.Min, bounds.Max, StarBit);
        }
        else
        {
            start = ParseIntOrName(lowAndHigh[0], bounds);
            end = lowAndHigh.Length switch
            {
                1 => start,
                2 => ParseIntOrName(lowAndHigh[1], bounds),
                _ => throw new FormatException($"too many hyphens: {expression}"),
            };
        }

        switch (rangeAndStep.Length)
        {
            case 1:
                step = 1;
                break;
            case 2:
                step = ParseNonNegativeInt(rangeAndStep[1]);
                // "N/step" means "N-max/step".
                if (singleValue) end = bounds.Max;
                // "*/2" is no longer a star: it restricts the field (this matters for the day-of-month/week rule).
                if (step > 1) extra = 0;
                break;
            default:
                throw new FormatException($"too many slashes: {expression}");
        }

        if (start < bounds.Min) throw new FormatException($"beginning of range ({start}) below minimum ({bounds.Min}): {expression}");
        if (end > bounds.Max) throw new FormatException($"end of range ({end}) above maximum ({bounds.Max}): {expression}");
        if (start > end) throw new FormatException($"beginning of range ({start}) beyond end of range ({end}): {expression}");
        if (step == 0) throw new FormatException($"step of range should be a positive number: {expression}");

        var bits = extra;
        for (var value = start; value <= end; value += step) bits |= 1UL << value;
        return bits;
    }

    private static ulong All(Bounds bounds) => GetRange("*", bounds);

    private static int ParseIntOrName(string text, Bounds bounds) =>
        bounds.Names is not null && bounds.Names.TryGetValue(text.ToLowerInvariant(), out var named) ? named : ParseNonNegativeInt(text);

    private static int ParseNonNegativeInt(string text)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw new FormatException($"failed to parse int from {text}");
        if (number < 0) throw new FormatException($"negative number ({number}) not allowed: {text}");
        return number;
    }

    /// <summary>Go's time.LoadLocation: "" and "UTC" are UTC, "Local" the local zone, anything else an IANA zone name.</summary>
    private static TimeZoneInfo? LoadLocation(string name, TimeZoneInfo localZone) => name switch
    {
        "" or "UTC" => TimeZoneInfo.Utc,
        "Local" => localZone,
        _ => TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null,
    };

    private sealed record Bounds(int Min, int Max, IReadOnlyDictionary<string, int>? Names = null);
}
