namespace DaprShop.Benchmarks;

/// <summary>
/// The <c>actors</c> command: starts an app hosting <see cref="BenchmarkActor"/>, its sidecar and a caller's sidecar
/// (both in one process, as <c>run -f</c> hosts them) as child processes, then calls the actor through the caller's
/// sidecar: one hot actor, closed loop with N connections and with one, then actors drawn at random; prints a
/// Markdown report.
/// </summary>
public static class ActorBenchmark
{
    /// <summary>Warm-up and measured runs, in the order <see cref="RunPhasesAsync"/> runs them.</summary>
    private const int Phases = 5;

    public static async Task<int> RunAsync(ActorBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var machine = MachineDescription.Capture();
        await Console.Error.WriteLineAsync("Starting the actor app, and its sidecar and the caller's in one process as `run -f` hosts them, as child processes…");
        await using var topology = await BenchmarkTopology.StartAsync(ServedApp.Actors, SidecarTopology.Run, cancellationToken);
        using var client = LoadGeneratorClient.Create();
        var results = await RunPhasesAsync(options, machine, topology, new HttpBenchmarkPhases(topology, client, Phases), cancellationToken);
        await ReportOutput.PublishAsync(ActorReport.Render(results), options.OutputFile, cancellationToken);
        return 0;
    }

    private static async Task<ActorBenchmarkResults> RunPhasesAsync(
        ActorBenchmarkOptions options, MachineDescription machine, BenchmarkTopology topology, HttpBenchmarkPhases phases,
        CancellationToken cancellationToken)
    {
        var sidecar = topology.CallerSidecarUri;
        var hotActor = ActorWorkloads.HotActor(sidecar);
        await phases.EnsureSucceedsAsync(hotActor, cancellationToken);

        await phases.RunClosedLoopAsync("warm-up, one actor", hotActor, options.Connections, options.WarmupDuration, measured: false, cancellationToken);
        var hot = await phases.RunClosedLoopAsync("one actor", hotActor, options.Connections, options.Duration, measured: true, cancellationToken);
        var hotSequential = await phases.RunClosedLoopAsync("one actor", hotActor, connections: 1, options.Duration, measured: true, cancellationToken);

        // Activation (the app builds the actor, the first turn reads the store) is a one-off; calling every id once
        // first keeps it out of the measured run, which then sees what a long-running system sees.
        await phases.RunRequestCountAsync("warm-up, activate each actor", ActorWorkloads.ActivateEach(sidecar), options.Connections, options.Actors,
            cancellationToken);
        var random = await phases.RunClosedLoopAsync(
            "random actors", ActorWorkloads.RandomActors(sidecar, options.Actors), options.Connections, options.Duration, measured: true,
            cancellationToken);

        return new ActorBenchmarkResults(options, machine, topology.ProcessGc(machine), hot, hotSequential, random, phases.Costs);
    }
}
