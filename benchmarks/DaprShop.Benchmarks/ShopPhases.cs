namespace DaprShop.Benchmarks;

/// <summary>Runs the shop benchmark's load phases one after another, each with its progress line.</summary>
public sealed class ShopPhases(int phaseCount)
{
    private int _phase;

    public async Task<LoadResult> ClosedAsync(
        string label, HttpClient client, Workload workload, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var load = new ClosedLoopLoad(client, workload);
        await using (PhaseProgress.Start(++_phase, phaseCount, $"{label} ({connections} connections)", duration, null, () => (load.Completed, load.Failed)))
        {
            return await load.RunAsync(connections, duration, long.MaxValue, cancellationToken);
        }
    }

    public async Task<LoadResult> OpenAsync(
        string label, HttpClient client, Workload workload, int requestsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var load = new OpenLoopLoad(client, workload);
        await using (PhaseProgress.Start(++_phase, phaseCount, label, duration, null, () => (load.Completed, load.Failed)))
        {
            return await load.RunAsync(requestsPerSecond, duration, cancellationToken);
        }
    }
}
