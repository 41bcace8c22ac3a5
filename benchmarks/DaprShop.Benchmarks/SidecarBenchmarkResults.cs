namespace DaprShop.Benchmarks;

/// <summary>Every figure of one <c>sidecar</c> run.</summary>
/// <param name="ProcessGc">GC mode each process reported it runs with, by process name.</param>
public sealed record SidecarBenchmarkResults(
    SidecarBenchmarkOptions Options,
    MachineDescription Machine,
    IReadOnlyDictionary<string, string> ProcessGc,
    LoadResult DirectAtFixedRate,
    LoadResult SidecarsAtFixedRate,
    LoadResult DirectMaximum,
    LoadResult SidecarsMaximum,
    LoadResult StateSave,
    LoadResult StateGet,
    IReadOnlyList<PhaseCost> Costs);
