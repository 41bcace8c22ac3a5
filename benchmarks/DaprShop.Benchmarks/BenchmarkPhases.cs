namespace DaprShop.Benchmarks;

/// <summary>
/// Runs the phases of one benchmark command against its processes: a progress line per phase and, for measured
/// phases, what each process spent (CPU, allocations, collections) divided by the requests of the phase.
/// </summary>
public class BenchmarkPhases(BenchmarkTopology topology, int phaseCount)
{
    private readonly List<PhaseCost> _costs = [];
    private int _phase;

    public IReadOnlyList<PhaseCost> Costs => _costs;

    /// <summary>Any run: <paramref name="counts"/> feeds the progress line, <paramref name="run"/> does the work.</summary>
    public async Task<LoadResult> RunPhaseAsync(
        string label, TimeSpan planned, long? requestGoal, Func<(long, long)> counts, bool measured, Func<Task<LoadResult>> run,
        CancellationToken cancellationToken)
    {
        var before = measured ? await topology.ReadCountersAsync(cancellationToken) : null;
        LoadResult result;
        await using (PhaseProgress.Start(++_phase, phaseCount, label, planned, requestGoal, counts)) result = await run();
        if (before is not null)
        {
            var after = await topology.ReadCountersAsync(cancellationToken);
            var spent = after.ToDictionary(entry => entry.Key, entry => entry.Value.Since(before[entry.Key]));
            _costs.Add(new PhaseCost(label, result.Succeeded + result.Failed, spent));
        }
        return result;
    }
}
