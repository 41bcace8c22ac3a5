namespace DaprShop.Benchmarks;

/// <summary>What each process spent during one measured run: counter deltas and the requests they served.</summary>
public sealed record PhaseCost(string Phase, long Requests, IReadOnlyDictionary<string, ProcessCounters> Spent)
{
    public double CpuMicrosecondsPerRequest(string process) => Spent[process].CpuTime.TotalMicroseconds / Requests;

    public double KilobytesAllocatedPerRequest(string process) => Spent[process].AllocatedBytes / 1024.0 / Requests;
}
