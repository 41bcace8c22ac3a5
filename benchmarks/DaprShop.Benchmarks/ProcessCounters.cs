using System.Diagnostics;

namespace DaprShop.Benchmarks;

/// <summary>
/// A process's cumulative CPU time, allocations and collections. Two snapshots around a run, divided by the requests
/// served, give the cost of one request in that process: the figure that says which hop is expensive.
/// </summary>
public sealed record ProcessCounters(TimeSpan CpuTime, long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections)
{
    public static ProcessCounters Capture()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessCounters(
            self.TotalProcessorTime,
            GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2));
    }

    public ProcessCounters Since(ProcessCounters earlier) => new(
        CpuTime - earlier.CpuTime,
        AllocatedBytes - earlier.AllocatedBytes,
        Gen0Collections - earlier.Gen0Collections,
        Gen1Collections - earlier.Gen1Collections,
        Gen2Collections - earlier.Gen2Collections);
}
