using System.Globalization;
using DaprShop.Sidecar.Time;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.Bindings;

/// <summary>
/// <c>bindings.cron</c>: an input binding that fires on a <see cref="CronSchedule"/>, as components-contrib
/// bindings/cron/cron.go. Each event has empty data and the metadata <c>timeZone</c> and <c>readTimeUTC</c>.
/// </summary>
public sealed class CronBinding : IInputBinding
{
    private readonly CronSchedule _schedule;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    private CronBinding(CronSchedule schedule, TimeProvider timeProvider, ILogger logger)
    {
        _schedule = schedule;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public static CronBinding Create(ComponentContext context) => Create(context, TimeProvider.System);

    internal static CronBinding Create(ComponentContext context, TimeProvider timeProvider)
    {
        var spec = context.Get("schedule") is { Length: > 0 } configured
            ? configured
            : throw new ComponentInitException($"component {context.Name}: schedule not set");
        try
        {
            return new CronBinding(CronSchedule.Parse(spec, timeProvider.LocalTimeZone), timeProvider,
                context.LoggerFactory.CreateLogger<CronBinding>());
        }
        catch (FormatException exception)
        {
            throw new ComponentInitException($"component {context.Name}: invalid schedule format '{spec}': {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Like robfig/cron's run loop, the run after a tick is computed from the time the tick woke up, so ticks missed
    /// while the handler was busy collapse into one. A failing handler does not stop the schedule (cron.go ignores
    /// the handler's result). Returns when cancelled.
    /// </summary>
    public async Task ReadAsync(InputBindingHandler handler, CancellationToken cancellationToken)
    {
        var timeZone = GoLocalZoneName();
        try
        {
            var next = _schedule.Next(_timeProvider.GetUtcNow());
            while (next is { } due)
            {
                var now = _timeProvider.GetUtcNow();
                for (; now < due; now = _timeProvider.GetUtcNow())
                    await Task.Delay(due - now, _timeProvider, cancellationToken);
                next = _schedule.Next(now);
                await Fire(handler, timeZone, now, cancellationToken);
            }
            // A schedule that never matches (e.g. 30 February) never fires, as in robfig/cron.
            await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task Fire(InputBindingHandler handler, string timeZone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>
        {
            ["timeZone"] = timeZone,
            // Go's time.Now().UTC().String(): "2006-01-02 15:04:05.999999999 -0700 MST", fraction without trailing zeros.
            ["readTimeUTC"] = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF' +0000 UTC'", CultureInfo.InvariantCulture),
        };
        try
        {
            await handler(new InputBindingEvent([], metadata), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(exception, "cron binding handler failed");
        }
    }

    /// <summary>
    /// cron.go reports <c>c.Location().String()</c>: the cron runner's zone, which is always Go's time.Local (a
    /// CRON_TZ prefix changes the schedule, not this). Go names time.Local after $TZ when set and loadable
    /// ("" and "UTC" give "UTC"; ":" prefix dropped; /etc/localtime gives "Local"), "Local" when read from
    /// /etc/localtime, and "UTC" when nothing could be loaded.
    /// </summary>
    private static string GoLocalZoneName()
    {
        if (OperatingSystem.IsWindows()) return "Local";
        var tz = Environment.GetEnvironmentVariable("TZ");
        if (tz is null) return File.Exists("/etc/localtime") ? "Local" : "UTC";
        if (tz.StartsWith(':')) tz = tz[1..];
        if (tz.StartsWith('/')) return !File.Exists(tz) ? "UTC" : tz == "/etc/localtime" ? "Local" : tz;
        return tz is "" or "UTC" || !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _) ? "UTC" : tz;
    }
}
