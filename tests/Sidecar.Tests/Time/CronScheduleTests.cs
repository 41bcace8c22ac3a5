using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Tests.Time;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? Next(string spec, string after, TimeZoneInfo? localZone = null) =>
        CronSchedule.Parse(spec, localZone ?? TimeZoneInfo.Utc).Next(At(after));

    [Theory]
    [InlineData("*/15 * * * * *", "2025-01-01T10:00:07Z", "2025-01-01T10:00:15Z")]      // six fields, seconds first
    [InlineData("*/10 * * * *", "2025-01-01T10:03:00Z", "2025-01-01T10:10:00Z")]        // five fields, second 0
    [InlineData("*/10 * * * *", "2025-01-01T10:10:00Z", "2025-01-01T10:20:00Z")]        // strictly after
    [InlineData("0 30 9-17/4 * * *", "2025-01-01T10:00:07Z", "2025-01-01T13:30:00Z")]   // range with step
    [InlineData("0 0 8,12,18 * * *", "2025-01-01T12:00:00Z", "2025-01-01T18:00:00Z")]   // list
    [InlineData("0 0 0 1 JAN,jul *", "2025-01-01T10:00:00Z", "2025-07-01T00:00:00Z")]   // month names, any case
    [InlineData("0 0 12 ? * SUN", "2025-01-01T10:00:00Z", "2025-01-05T12:00:00Z")]      // ? and day names
    [InlineData("0 0 0 * * MON-FRI", "2025-01-03T10:00:00Z", "2025-01-06T00:00:00Z")]   // named range
    [InlineData("5/20 * * * * *", "2025-01-01T10:00:26Z", "2025-01-01T10:00:45Z")]      // N/step means N-max/step
    public void Next_follows_each_field_form(string spec, string after, string expected)
    {
        Assert.Equal(At(expected), Next(spec, after));
    }

    [Theory]
    [InlineData("2025-01-01T00:00:00Z", "2025-01-03T00:00:00Z")]  // Friday 3rd: day of week matches
    [InlineData("2025-01-10T10:00:00Z", "2025-01-13T00:00:00Z")]  // Monday 13th: day of month matches
    public void Restricted_day_of_month_and_day_of_week_match_either(string after, string expected)
    {
        Assert.Equal(At(expected), Next("0 0 0 13 * FRI", after));
    }

    [Fact]
    public void A_star_day_field_requires_both_to_match()
    {
        Assert.Equal(At("2025-01-17T00:00:00Z"), Next("0 0 0 * * FRI", "2025-01-10T10:00:00Z"));
        Assert.Equal(At("2025-01-13T00:00:00Z"), Next("0 0 0 13 * ?", "2025-01-01T00:00:00Z"));
        // robfig quirk: "*/2" (odd days) is not a star, so with a restricted weekday either field may match:
        // Friday the 3rd, not Monday the 13th as both-must-match would give.
        Assert.Equal(At("2025-01-03T00:00:00Z"), Next("0 0 0 */2 * MON", "2025-01-01T10:00:00Z"));
    }

    [Theory]
    [InlineData("@yearly", "2026-01-01T00:00:00Z")]
    [InlineData("@annually", "2026-01-01T00:00:00Z")]
    [InlineData("@monthly", "2025-02-01T00:00:00Z")]
    [InlineData("@weekly", "2025-01-05T00:00:00Z")]
    [InlineData("@daily", "2025-01-02T00:00:00Z")]
    [InlineData("@midnight", "2025-01-02T00:00:00Z")]
    [InlineData("@hourly", "2025-01-01T11:00:00Z")]
    public void Descriptors(string spec, string expected)
    {
        Assert.Equal(At(expected), Next(spec, "2025-01-01T10:00:07Z"));
    }

    [Fact]
    public void Every_adds_the_go_duration_and_lands_on_the_millisecond()
    {
        var after = At("2025-01-01T10:00:07Z").AddTicks(5_000 + 3);

        Assert.Equal(At("2025-01-01T11:30:07Z"), CronSchedule.Parse("@every 1h30m", TimeZoneInfo.Utc).Next(after));
        Assert.Equal(At("2025-01-01T10:00:07.250Z"), CronSchedule.Parse("@every 250ms", TimeZoneInfo.Utc).Next(after));
    }

    [Fact]
    public void Time_zone_prefix_or_local_zone_sets_the_wall_clock()
    {
        Assert.Equal(At("2025-01-01T14:00:00Z"), Next("CRON_TZ=America/New_York 0 0 9 * * *", "2025-01-01T00:00:00Z"));
        Assert.Equal(At("2025-01-02T00:00:00Z"), Next("TZ=Asia/Tokyo 0 0 9 * * *", "2025-01-01T00:00:00Z"));
        Assert.Equal(At("2025-01-01T14:00:00Z"), Next("0 0 9 * * *", "2025-01-01T00:00:00Z", NewYork));
        Assert.Equal(At("2025-01-01T09:00:00Z"), Next("CRON_TZ=UTC 0 0 9 * * *", "2025-01-01T00:00:00Z", NewYork));
    }

    [Fact]
    public void Daylight_saving_changes_are_handled_as_robfig_does()
    {
        // 2025-03-09 has no 02:30 in New York: robfig skips that day.
        Assert.Equal(At("2025-03-10T06:30:00Z"), Next("CRON_TZ=America/New_York 0 30 2 * * *", "2025-03-08T08:00:00Z"));
        Assert.Equal(At("2025-03-09T05:00:00Z"), Next("CRON_TZ=America/New_York @daily", "2025-03-08T17:00:00Z"));
        Assert.Equal(At("2025-03-10T04:00:00Z"), Next("CRON_TZ=America/New_York @daily", "2025-03-09T05:00:00Z"));
    }

    [Fact]
    public void A_schedule_that_never_matches_has_no_next()
    {
        Assert.Null(Next("0 0 30 2 *", "2025-01-01T00:00:00Z"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("* * * *")]
    [InlineData("* * * * * * *")]
    [InlineData("60 * * * * *")]
    [InlineData("* 24 * * *")]
    [InlineData("0 0 0 * 13 *")]
    [InlineData("5-1 * * * *")]
    [InlineData("1-2-3 * * * *")]
    [InlineData("*/0 * * * *")]
    [InlineData("*/5/2 * * * *")]
    [InlineData("-1 * * * *")]
    [InlineData("0 0 * * FOO")]
    [InlineData("@weekly2")]
    [InlineData("@every abc")]
    [InlineData("CRON_TZ=Mars/Olympus * * * * *")]
    [InlineData("CRON_TZ=UTC")]
    public void Invalid_specs_are_rejected(string spec)
    {
        Assert.Throws<FormatException>(() => CronSchedule.Parse(spec, TimeZoneInfo.Utc));
    }
}
