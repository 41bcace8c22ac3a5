namespace DaprShop.Benchmarks;

/// <summary>Every figure of one <c>actors</c> run.</summary>
/// <param name="ProcessGc">GC mode each process reported it runs with, by process name.</param>
/// <param name="HotActorSequential">The hot actor with one connection: a turn's latency with no call waiting for it.</param>
public sealed record ActorBenchmarkResults(
    ActorBenchmarkOptions Options,
    MachineDescription Machine,
    IReadOnlyDictionary<string, string> ProcessGc,
    LoadResult HotActor,
    LoadResult HotActorSequential,
    LoadResult RandomActors,
    IReadOnlyList<PhaseCost> Costs);
