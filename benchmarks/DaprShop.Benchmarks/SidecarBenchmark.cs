namespace DaprShop.Benchmarks;

/// <summary>
/// The <c>sidecar</c> command: starts the app and two sidecars as child processes, then runs, in one go,
/// fixed-rate latency (direct vs. two sidecar hops), closed-loop throughput of both paths, and state save/get on
/// SQLite through a sidecar; prints a Markdown report.
/// </summary>
public static class SidecarBenchmark
{
    /// <summary>Warm-up and measured runs, in the order <see cref="RunPhasesAsync"/> runs them.</summary>
    private const int Phases = 9;

    public static async Task<int> RunAsync(SidecarBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var machine = MachineDescription.Capture();
        await Console.Error.WriteLineAsync(options.Topology == SidecarTopology.Run
            ? "Starting the app, and sidecars B and A in one process as `run -f` hosts them, as child processes…"
            : "Starting the app, sidecar B and sidecar A as separate child processes…");
        await using var topology = await BenchmarkTopology.StartAsync(ServedApp.Invocation, options.Topology, cancellationToken);
        using var client = LoadGeneratorClient.Create();
        var results = await RunPhasesAsync(options, machine, topology, new HttpBenchmarkPhases(topology, client, Phases), cancellationToken);
        await ReportOutput.PublishAsync(SidecarReport.Render(results), options.OutputFile, cancellationToken);
        return 0;
    }

    private static async Task<SidecarBenchmarkResults> RunPhasesAsync(
        SidecarBenchmarkOptions options, MachineDescription machine, BenchmarkTopology topology, HttpBenchmarkPhases phases,
        CancellationToken cancellationToken)
    {
        var direct = BenchmarkWorkloads.Invocation("direct", topology.DirectMethodUri);
        var throughSidecars = BenchmarkWorkloads.Invocation("through sidecars A → B", topology.InvokeThroughSidecarsUri);
        await phases.EnsureSucceedsAsync(direct, cancellationToken);
        await phases.EnsureSucceedsAsync(throughSidecars, cancellationToken);

        var rate = options.RequestsPerSecond;
        // Both paths warm up before either is measured: the generator's own code paths are shared between them.
        await phases.RunFixedRateAsync("warm-up, direct", direct, rate, options.WarmupDuration, measured: false, cancellationToken);
        await phases.RunFixedRateAsync("warm-up, through sidecars", throughSidecars, rate, options.WarmupDuration, measured: false, cancellationToken);
        var directAtFixedRate = await phases.RunFixedRateAsync(
            "latency, direct", direct, rate, options.FixedRateDuration, measured: true, cancellationToken);
        var sidecarsAtFixedRate = await phases.RunFixedRateAsync(
            "latency, through sidecars", throughSidecars, rate, options.FixedRateDuration, measured: true, cancellationToken);
        var directMaximum = await phases.RunClosedLoopAsync(
            "throughput, direct", direct, options.Connections, options.ClosedLoopDuration, measured: true, cancellationToken);
        var sidecarsMaximum = await phases.RunClosedLoopAsync(
            "throughput, through sidecars", throughSidecars, options.Connections, options.ClosedLoopDuration, measured: true, cancellationToken);

        var store = topology.StateStoreUri;
        // Writing every key once warms the store and makes every measured get a hit.
        await phases.RunRequestCountAsync(
            "warm-up, state fill", BenchmarkWorkloads.StateFill(store), options.Connections, options.StateKeys, cancellationToken);
        var stateSave = await phases.RunClosedLoopAsync(
            "state save", BenchmarkWorkloads.StateSave(store, options.StateKeys), options.Connections, options.ClosedLoopDuration, measured: true,
            cancellationToken);
        var stateGet = await phases.RunClosedLoopAsync(
            "state get", BenchmarkWorkloads.StateGet(store, options.StateKeys), options.Connections, options.ClosedLoopDuration, measured: true,
            cancellationToken);

        return new SidecarBenchmarkResults(
            options, machine, topology.ProcessGc(machine), directAtFixedRate, sidecarsAtFixedRate, directMaximum, sidecarsMaximum, stateSave,
            stateGet, phases.Costs);
    }
}
