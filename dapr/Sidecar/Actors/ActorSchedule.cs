namespace DaprShop.Sidecar.Actors;

/// <summary>When a reminder or timer fires next, how it repeats, how many ticks are left and when it expires.</summary>
/// <param name="Period">Null for a one-shot.</param>
/// <param name="RepetitionsLeft">Ticks still to come including the next one; -1 = unbounded (daprd's repetitionLeft).</param>
public sealed record ActorSchedule(DateTimeOffset NextDue, ActorPeriod? Period, int RepetitionsLeft, DateTimeOffset? Expiration)
{
    /// <summary>
    /// Parses the dueTime/period/ttl triple of a create request, with the messages of daprd's setReminderTimes
    /// (pkg/actors/api/reminders.go).
    /// </summary>
    /// <param name="kind">"reminder" or "timer", as daprd words its errors.</param>
    /// <param name="key">type||id||name, named when the ttl has already expired.</param>
    /// <exception cref="FormatException">Any of them malformed, R0/, or a ttl already expired.</exception>
    public static ActorSchedule Parse(string? dueTime, string? period, string? ttl, DateTimeOffset now, string kind = "reminder", string key = "")
    {
        var firstDue = Attempt(() => ActorTimes.ParseDueTime(dueTime, now), $"error parsing {kind} due time");
        var parsedPeriod = string.IsNullOrEmpty(period) ? null : Attempt(() => ActorPeriod.Parse(period), $"invalid {kind} period");
        if (parsedPeriod is { IsZero: true }) parsedPeriod = null;
        var expiration = Attempt(() => ActorTimes.ParseExpiration(ttl, firstDue), $"error parsing {kind} TTL");
        if (expiration is { } expires && (now > expires || firstDue > expires))
            throw new FormatException($"{kind} {key} has already expired: dueTime: {ActorTimes.Format(firstDue)} TTL: {ttl}");
        return new ActorSchedule(firstDue, parsedPeriod, parsedPeriod?.Repetitions ?? 1, expiration);
    }

    private static T Attempt<T>(Func<T> parse, string context)
    {
        try
        {
            return parse();
        }
        catch (FormatException error)
        {
            throw new FormatException($"{context}: {error.Message}", error);
        }
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
