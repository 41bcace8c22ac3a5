namespace DaprShop.Benchmarks;

/// <summary>The outcome of one measured run.</summary>
/// <param name="DispatchLateness">Open loop only: how late the generator sent against its timetable (its own error).</param>
public sealed record LoadResult(
    string Name, LatencySummary Latency, long Succeeded, long Failed, TimeSpan Elapsed, LatencySummary? DispatchLateness)
{
    public double SucceededPerSecond => Succeeded / Elapsed.TotalSeconds;
}
