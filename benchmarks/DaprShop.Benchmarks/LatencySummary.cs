using System.Diagnostics;

namespace DaprShop.Benchmarks;

/// <summary>
/// Exact percentiles of a run, from every latency sorted (no histogram buckets; a 20 s run at 1,000 req/s is only
/// 20,000 values). Nearest-rank definition: p99 is the smallest latency at least 99 % of requests did not exceed.
/// </summary>
public sealed record LatencySummary(long Count, double P50Milliseconds, double P90Milliseconds, double P95Milliseconds, double P99Milliseconds, double MaxMilliseconds)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <param name="stopwatchTicks">Latencies in <see cref="Stopwatch"/> ticks; sorted in place.</param>
    public static LatencySummary FromTicks(long[] stopwatchTicks)
    {
        if (stopwatchTicks.Length == 0) return Empty;
        Array.Sort(stopwatchTicks);
        return new LatencySummary(
            stopwatchTicks.Length,
            Percentile(stopwatchTicks, 50),
            Percentile(stopwatchTicks, 90),
            Percentile(stopwatchTicks, 95),
            Percentile(stopwatchTicks, 99),
            Milliseconds(stopwatchTicks[^1]));
    }

    /// <summary>Latencies measured as durations (timestamps from clocks other than the load generator's stopwatch).</summary>
    public static LatencySummary FromDurations(IEnumerable<TimeSpan> durations) =>
        FromTicks([.. durations.Select(duration => (long)(duration.TotalSeconds * Stopwatch.Frequency))]);

    private static double Percentile(long[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return Milliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double Milliseconds(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;
}
