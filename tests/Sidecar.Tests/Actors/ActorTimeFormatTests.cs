using DaprShop.Sidecar.Actors;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>The time formats of reminders/timers (dapr/kit time) and the /dapr/config actor settings.</summary>
public sealed class ActorTimeFormatTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ISO_8601_periods_keep_calendar_parts_weeks_and_repetitions()
    {
        var period = ActorPeriod.Parse("R5/P1Y2M3W4DT5H6M7S");

        Assert.Equal((1, 2, 25, new TimeSpan(5, 6, 7), 5), (period.Years, period.Months, period.Days, period.Fixed, period.Repetitions));
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 12, 0, 0, TimeSpan.Zero), ActorPeriod.Parse("P1M").After(Now));
        Assert.Equal(-1, ActorPeriod.Parse("PT10S").Repetitions);
    }

    [Theory]
    [InlineData("1h30m", 90)]
    [InlineData("0h0m5s0ms", 5.0 / 60)]
    [InlineData("PT90M", 90)]
    public void Go_and_ISO_durations_are_both_periods(string text, double minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), ActorPeriod.Parse(text).Fixed);
    }

    [Theory]
    [InlineData("R0/PT1S", "has zero repetitions")]
    [InlineData("P", "parse error: unsupported duration format: P")]
    [InlineData("PT1.5S", "parse error: unsupported duration format: PT1.5S")]
    [InlineData("soon", "parse error: unsupported duration format: soon")]
    public void Invalid_periods_are_rejected_in_daprds_words(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => ActorPeriod.Parse(text)).Message);
    }

    [Theory]
    [InlineData("2030-01-02T03:04:05Z", "2030-01-02T03:04:05Z")]
    [InlineData("2030-01-02T03:04:05.123456789+02:00", "2030-01-02T01:04:05.1234568Z")]
    [InlineData("2030-01-02T03:04:05", null)]
    [InlineData("2030-01-02 03:04:05Z", null)]
    public void Timestamps_are_RFC3339_as_Go_reads_them(string text, string? normalized)
    {
        Assert.Equal(normalized, ActorTimes.ParseTimestamp(text) is { } time ? ActorTimes.Format(time) : null);
    }

    [Fact]
    public void Due_times_are_relative_durations_or_RFC3339_and_never_repeat()
    {
        Assert.Equal(Now, ActorTimes.ParseDueTime("", Now));
        Assert.Equal(Now.AddSeconds(90), ActorTimes.ParseDueTime("90s", Now));
        Assert.Equal(Now.AddDays(1), ActorTimes.ParseDueTime("P1D", Now));
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), ActorTimes.ParseDueTime("2030-01-02T03:04:05Z", Now));
        Assert.Equal("repetitions are not allowed", Assert.Throws<FormatException>(() => ActorTimes.ParseDueTime("R2/PT1S", Now)).Message);
        Assert.Equal("unsupported time/duration format: 2030-01-02T03:04:05",
            Assert.Throws<FormatException>(() => ActorTimes.ParseDueTime("2030-01-02T03:04:05", Now)).Message);
    }

    [Fact]
    public void A_ttl_is_relative_to_the_first_due_time_or_absolute_and_must_not_have_expired()
    {
        var schedule = ActorSchedule.Parse("1m", "10s", "1h", Now);

        Assert.Equal(Now.AddMinutes(61), schedule.Expiration);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), ActorSchedule.Parse("", "", "2030-01-01T00:00:00Z", Now).Expiration);
        Assert.Throws<FormatException>(() => ActorSchedule.Parse("", "", "2020-01-01T00:00:00Z", Now));
    }

    [Fact]
    public void A_schedule_counts_repetitions_down_and_stops_at_its_ttl()
    {
        var twice = ActorSchedule.Parse("", "R2/PT1S", "", Now);
        var second = twice.AfterTick();

        Assert.Equal((Now.AddSeconds(1), 1), (second!.NextDue, second.RepetitionsLeft));
        Assert.Null(second.AfterTick());
        Assert.Null(ActorSchedule.Parse("", "", "", Now).AfterTick());
        Assert.Null(ActorSchedule.Parse("", "10s", "5s", Now).AfterTick());
    }

    [Fact]
    public void A_track_resumes_after_the_last_tick_fired_with_the_repetitions_left()
    {
        var thrice = ActorSchedule.Parse("", "R3/PT1S", "", Now);

        var resumed = new ReminderTrack(Now.AddSeconds(1), 1).Resume(thrice);

        Assert.Equal((Now.AddSeconds(2), 1), (resumed!.NextDue, resumed.RepetitionsLeft));
        Assert.Null(new ReminderTrack(Now.AddSeconds(2), 0).Resume(thrice));
        Assert.Equal(thrice, new ReminderTrack(null, 3).Resume(thrice));
        Assert.Equal(new ReminderTrack(Now, 2), ReminderTrack.Read(new ReminderTrack(Now, 2).ToJson()));
    }

    [Fact]
    public void The_app_config_gives_per_type_settings_over_daprds_defaults()
    {
        var config = ActorHostConfig.Parse("""
            { "entities": ["cart", "inventory"], "drainOngoingCallTimeout": "30s", "drainRebalancedActors": true,
              "reentrancy": { "enabled": true }, "remindersStoragePartitions": 8,
              "entitiesConfig": [ { "entities": ["inventory"], "actorIdleTimeout": "5m", "reentrancy": { "enabled": false }, "remindersStoragePartitions": 0 } ] }
            """);

        Assert.Equal(new ActorTypeSettings(ActorHostConfig.DefaultIdleTimeout, true, ActorHostConfig.DefaultMaxStackDepth, 8), config.Types["cart"]);
        Assert.Equal(new ActorTypeSettings(TimeSpan.FromMinutes(5), false, ActorHostConfig.DefaultMaxStackDepth, 0), config.Types["inventory"]);
        Assert.Equal(TimeSpan.FromSeconds(30), config.DrainOngoingCallTimeout);
        Assert.True(config.DrainRebalancedActors);
        Assert.Empty(ActorHostConfig.Parse("{}").Types);
        Assert.Empty(ActorHostConfig.Parse("not json").Types);
    }
}
