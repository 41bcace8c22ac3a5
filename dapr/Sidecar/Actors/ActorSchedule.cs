namespace DaprShop.Sidecar.Actors;

/// <summary>When a reminder or timer fires next, how it repeats and when it expires.</summary>
/// <param name="Period">Null for a one-shot.</param>
public sealed record ActorSchedule(DateTimeOffset NextDue, ActorPeriod? Period, DateTimeOffset? Expiration)
{
    /// <summary>Parses the dueTime/period/ttl triple of a create request.</summary>
    /// <exception cref="FormatException">Any of them malformed, R0/, or a ttl already expired.</exception>
    public static ActorSchedule Parse(string? dueTime, string? period, string? ttl, DateTimeOffset now)
    {
        var firstDue = ActorTimes.ParseDueTime(dueTime, now);
        var parsedPeriod = string.IsNullOrEmpty(period) ? null : ActorPeriod.Parse(period);
        if (parsedPeriod is { IsZero: true }) parsedPeriod = null;
        return new ActorSchedule(firstDue, parsedPeriod, ActorTimes.ParseExpiration(ttl, firstDue, now));
    }

    /// <summary>The schedule after one tick; null when it is over (one-shot, repetitions used up, or past its ttl).</summary>
    public ActorSchedule? AfterTick()
    {
        if (Period is null) return null;
        var period = Period;
        if (period.Repetitions > 0)
        {
            if (period.Repetitions == 1) return null;
            period = period.WithRepetitions(period.Repetitions - 1);
        }
        var next = period.After(NextDue);
        if (Expiration is { } expiration && next > expiration) return null;
        return this with { NextDue = next, Period = period };
    }

    /// <summary>
    /// Waits for each due time and fires. <paramref name="fire"/> returns false to stop (X-DaprReminderCancel);
    /// <paramref name="advanced"/> sees every following schedule (reminders persist it), <paramref name="ended"/> runs once
    /// when the schedule is over by itself. Cancellation (delete, deactivation, shutdown) ends it without calling either.
    /// </summary>
    public static async Task RunAsync(
        ActorSchedule schedule, Func<CancellationToken, Task<bool>> fire, Func<ActorSchedule, Task> advanced, Func<Task> ended,
        CancellationToken cancellationToken)
    {
        var current = schedule;
        while (true)
        {
            var wait = current.NextDue - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var next = await fire(cancellationToken) ? current.AfterTick() : null;
            if (next is null)
            {
                await ended();
                return;
            }
            current = next;
            await advanced(current);
        }
    }
}
