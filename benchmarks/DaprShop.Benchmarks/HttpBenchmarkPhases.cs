namespace DaprShop.Benchmarks;

/// <summary>The phases of a command whose load is HTTP requests: fixed-rate (open loop) and closed-loop runs.</summary>
public sealed class HttpBenchmarkPhases(BenchmarkTopology topology, HttpClient client, int phaseCount) : BenchmarkPhases(topology, phaseCount)
{
    /// <summary>A wrong port or a sidecar that cannot reach the app should stop the run at once, not yield a report of errors.</summary>
    public async Task EnsureSucceedsAsync(Workload workload, CancellationToken cancellationToken)
    {
        using var request = workload.CreateRequest(0);
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != workload.ExpectedStatus)
            throw new InvalidOperationException(
                $"{workload.Name}: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    public Task<LoadResult> RunFixedRateAsync(
        string name, Workload workload, int requestsPerSecond, TimeSpan duration, bool measured, CancellationToken cancellationToken)
    {
        var load = new OpenLoopLoad(client, workload);
        return RunPhaseAsync(
            $"{name} ({requestsPerSecond:N0} req/s)", duration, requestGoal: null, () => (load.Completed, load.Failed), measured,
            () => load.RunAsync(requestsPerSecond, duration, cancellationToken), cancellationToken);
    }

    /// <summary>A closed-loop run for a fixed time.</summary>
    public Task<LoadResult> RunClosedLoopAsync(
        string name, Workload workload, int connections, TimeSpan duration, bool measured, CancellationToken cancellationToken) =>
        RunClosedLoopAsync(name, workload, connections, duration, requestGoal: null, measured, cancellationToken);

    /// <summary>
    /// A closed-loop run of exactly <paramref name="requests"/> requests (filling a store, activating actors); it still
    /// gets a generous deadline so a stuck server ends the run.
    /// </summary>
    public Task<LoadResult> RunRequestCountAsync(
        string name, Workload workload, int connections, long requests, CancellationToken cancellationToken) =>
        RunClosedLoopAsync(name, workload, connections, TimeSpan.FromMinutes(5), requests, measured: false, cancellationToken);

    private Task<LoadResult> RunClosedLoopAsync(
        string name, Workload workload, int connections, TimeSpan duration, long? requestGoal, bool measured, CancellationToken cancellationToken)
    {
        var load = new ClosedLoopLoad(client, workload);
        return RunPhaseAsync(
            $"{name} ({connections} connection{(connections == 1 ? "" : "s")})", duration, requestGoal, () => (load.Completed, load.Failed), measured,
            () => load.RunAsync(connections, duration, requestGoal ?? long.MaxValue, cancellationToken), cancellationToken);
    }
}
