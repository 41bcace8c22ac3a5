namespace DaprShop.Benchmarks;

/// <summary>Runs the shop benchmark's load phases one after another, each with its progress line.</summary>
public sealed class ShopPhases(int phaseCount)
{
    private int _phase;

    public Task<LoadResult> ClosedAsync(
        string label, HttpClient client, Workload workload, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var load = new ClosedLoopLoad(client, workload);
        return RunAsync($"{label} ({connections} connections)", duration, () => (load.Completed, load.Failed),
            () => load.RunAsync(connections, duration, long.MaxValue, cancellationToken));
    }

    public Task<LoadResult> OpenAsync(
        string label, HttpClient client, Workload workload, int requestsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var load = new OpenLoopLoad(client, workload);
        return RunAsync(label, duration, () => (load.Completed, load.Failed), () => load.RunAsync(requestsPerSecond, duration, cancellationToken));
    }

    public Task<LoadResult> ReservationsAsync(
        string label, ReservationLoad load, int connections, TimeSpan duration, CancellationToken cancellationToken) =>
        RunAsync($"{label} ({connections} connections)", duration, () => (load.Completed, load.Failed),
            () => load.RunAsync(connections, duration, cancellationToken));

    private async Task<LoadResult> RunAsync(string label, TimeSpan planned, Func<(long, long)> counts, Func<Task<LoadResult>> run)
    {
        await using (PhaseProgress.Start(++_phase, phaseCount, label, planned, null, counts))
        {
            return await run();
        }
    }
}
