namespace DaprShop.Benchmarks;

/// <summary>Every figure of one <c>workflows</c> run.</summary>
/// <param name="ProcessGc">GC mode each process reported it runs with, by process name.</param>
/// <param name="Workflows">Latencies are completion times (schedule → completed); the rate is workflows completed/s.</param>
/// <param name="StatusReadsPerWorkflow">The generator's status reads per instance in the measured run.</param>
public sealed record WorkflowBenchmarkResults(
    WorkflowBenchmarkOptions Options,
    MachineDescription Machine,
    IReadOnlyDictionary<string, string> ProcessGc,
    LoadResult Workflows,
    double StatusReadsPerWorkflow,
    IReadOnlyList<PhaseCost> Costs);
