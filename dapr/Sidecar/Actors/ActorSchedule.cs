namespace DaprShop.Sidecar.Actors;

/// <summary>When a reminder or timer fires next, how it repeats, how many ticks are left and when it expires.</summary>
/// <param name="Period">Null for a one-shot.</param>
/// <param name="RepetitionsLeft">Ticks still to come including the next one; -1 = unbounded (daprd's repetitionLeft).</param>
public sealed record ActorSchedule(DateTimeOffset NextDue, ActorPeriod? Period, int RepetitionsLeft, DateTimeOffset? Expiration)
{
    /// <summary>Parses the dueTime/period/ttl triple of a create request.</summary>
    /// <exception cref="FormatException">Any of them malformed, R0/, or a ttl already expired.</exception>
    public static ActorSchedule Parse(string? dueTime, string? period, string? ttl, DateTimeOffset now)
    {
        var firstDue = ActorTimes.ParseDueTime(dueTime, now);
        var parsedPeriod = string.IsNullOrEmpty(period) ? null : ActorPeriod.Parse(period);
        if (parsedPeriod is { IsZero: true }) parsedPeriod = null;
        return new ActorSchedule(firstDue, parsedPeriod, parsedPeriod?.Repetitions ?? 1, ActorTimes.ParseExpiration(ttl, firstDue, now));
    }

    /// <summary>The schedule after one tick; null when it is over (one-shot, repetitions used up, or past its ttl).</summary>
    public ActorSchedule? AfterTick()
    {
        if (Period is null || RepetitionsLeft == 1) return null;
        var next = Period.After(NextDue);
        if (Expiration is { } expiration && next > expiration) return null;
        return this with { NextDue = next, RepetitionsLeft = RepetitionsLeft > 0 ? RepetitionsLeft - 1 : RepetitionsLeft };
    }

    /// <summary>
    /// Waits for each due time and fires. <paramref name="fire"/> returns false to stop (X-DaprReminderCancel);
    /// <paramref name="advanced"/> sees each fired schedule with the one that follows (reminders persist their progress),
    /// <paramref name="ended"/> runs once when the schedule is over by itself. Cancellation (delete, deactivation,
    /// shutdown) ends the wait for the next tick; a tick already firing completes, so the app never sees a tick whose
    /// progress was not recorded.
    /// </summary>
    public static async Task RunAsync(
        ActorSchedule schedule, Func<Task<bool>> fire, Func<ActorSchedule, ActorSchedule, Task> advanced, Func<Task> ended,
        CancellationToken cancellationToken)
    {
        var current = schedule;
        while (true)
        {
            var wait = current.NextDue - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var next = await fire() ? current.AfterTick() : null;
            if (next is null)
            {
                await ended();
                return;
            }
            await advanced(current, next);
            current = next;
        }
    }
}
