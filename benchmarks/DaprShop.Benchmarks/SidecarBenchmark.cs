namespace DaprShop.Benchmarks;

/// <summary>
/// The <c>sidecar</c> command: starts the app and two sidecars as child processes, then runs, in one go,
/// fixed-rate latency (direct vs. two sidecar hops), closed-loop throughput of both paths, and state save/get on
/// SQLite through a sidecar; prints a Markdown report.
/// </summary>
public sealed class SidecarBenchmark
{
    /// <summary>Warm-up and measured runs, in the order <see cref="RunPhasesAsync"/> runs them.</summary>
    private const int Phases = 9;

    private readonly SidecarBenchmarkOptions _options;
    private readonly BenchmarkTopology _topology;
    private readonly HttpClient _client;
    private readonly List<PhaseCost> _costs = [];
    private int _phase;

    private SidecarBenchmark(SidecarBenchmarkOptions options, BenchmarkTopology topology, HttpClient client)
    {
        _options = options;
        _topology = topology;
        _client = client;
    }

    public static async Task<int> RunAsync(SidecarBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var machine = MachineDescription.Capture();
        await Console.Error.WriteLineAsync(options.Topology == SidecarTopology.Run
            ? "Starting the app, and sidecars B and A in one process as `run -f` hosts them, as child processes…"
            : "Starting the app, sidecar B and sidecar A as separate child processes…");
        await using var topology = await BenchmarkTopology.StartAsync(options.Topology, cancellationToken);
        using var client = LoadGeneratorClient.Create();
        var results = await new SidecarBenchmark(options, topology, client).RunPhasesAsync(machine, cancellationToken);

        var report = SidecarReport.Render(results);
        Console.WriteLine(report);
        if (options.OutputFile is { } file)
        {
            await File.WriteAllTextAsync(file, report, cancellationToken);
            await Console.Error.WriteLineAsync($"Report written to {Path.GetFullPath(file)}");
        }
        return 0;
    }

    private async Task<SidecarBenchmarkResults> RunPhasesAsync(MachineDescription machine, CancellationToken cancellationToken)
    {
        var direct = BenchmarkWorkloads.Invocation("direct", _topology.DirectMethodUri);
        var throughSidecars = BenchmarkWorkloads.Invocation("through sidecars A → B", _topology.InvokeThroughSidecarsUri);
        await EnsureSucceedsAsync(direct, cancellationToken);
        await EnsureSucceedsAsync(throughSidecars, cancellationToken);

        // Both paths warm up before either is measured: the generator's own code paths are shared between them.
        await RunFixedRateAsync("warm-up, direct", direct, _options.WarmupDuration, measured: false, cancellationToken);
        await RunFixedRateAsync("warm-up, through sidecars", throughSidecars, _options.WarmupDuration, measured: false, cancellationToken);
        var directAtFixedRate = await RunFixedRateAsync("latency, direct", direct, _options.FixedRateDuration, measured: true, cancellationToken);
        var sidecarsAtFixedRate = await RunFixedRateAsync(
            "latency, through sidecars", throughSidecars, _options.FixedRateDuration, measured: true, cancellationToken);
        var directMaximum = await RunClosedLoopAsync("throughput, direct", direct, long.MaxValue, measured: true, cancellationToken);
        var sidecarsMaximum = await RunClosedLoopAsync(
            "throughput, through sidecars", throughSidecars, long.MaxValue, measured: true, cancellationToken);

        var store = _topology.StateStoreUri;
        // Writing every key once warms the store and makes every measured get a hit.
        await RunClosedLoopAsync("warm-up, state fill", BenchmarkWorkloads.StateFill(store), _options.StateKeys, measured: false, cancellationToken);
        var stateSave = await RunClosedLoopAsync(
            "state save", BenchmarkWorkloads.StateSave(store, _options.StateKeys), long.MaxValue, measured: true, cancellationToken);
        var stateGet = await RunClosedLoopAsync(
            "state get", BenchmarkWorkloads.StateGet(store, _options.StateKeys), long.MaxValue, measured: true, cancellationToken);

        // Listed, and shown as report columns, in the order a request meets them.
        var processGc = new Dictionary<string, string> { [BenchmarkTopology.LoadGeneratorName] = machine.LoadGeneratorGc };
        foreach (var child in _topology.Children) processGc[child.Name] = MachineDescription.DescribeGc(child.Ready.ServerGc, child.Ready.ConcurrentGc);
        return new SidecarBenchmarkResults(
            _options, machine, processGc, directAtFixedRate, sidecarsAtFixedRate, directMaximum, sidecarsMaximum, stateSave, stateGet, _costs);
    }

    /// <summary>A wrong port or a sidecar that cannot reach the app should stop the run at once, not yield a report of errors.</summary>
    private async Task EnsureSucceedsAsync(Workload workload, CancellationToken cancellationToken)
    {
        using var request = workload.CreateRequest(0);
        using var response = await _client.SendAsync(request, cancellationToken);
        if (response.StatusCode != workload.ExpectedStatus)
            throw new InvalidOperationException(
                $"{workload.Name}: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private Task<LoadResult> RunFixedRateAsync(
        string name, Workload workload, TimeSpan duration, bool measured, CancellationToken cancellationToken)
    {
        var load = new OpenLoopLoad(_client, workload);
        return RunPhaseAsync(
            $"{name} ({_options.RequestsPerSecond:N0} req/s)", duration, requestGoal: null, () => (load.Completed, load.Failed), measured,
            () => load.RunAsync(_options.RequestsPerSecond, duration, cancellationToken), cancellationToken);
    }

    private Task<LoadResult> RunClosedLoopAsync(
        string name, Workload workload, long requestLimit, bool measured, CancellationToken cancellationToken)
    {
        var load = new ClosedLoopLoad(_client, workload);
        // A fill has a request limit, not a time limit; it still gets a generous deadline so a stuck store ends the run.
        long? requestGoal = requestLimit == long.MaxValue ? null : requestLimit;
        var duration = requestGoal is null ? _options.ClosedLoopDuration : TimeSpan.FromMinutes(5);
        return RunPhaseAsync(
            $"{name} ({_options.Connections} connections)", duration, requestGoal, () => (load.Completed, load.Failed), measured,
            () => load.RunAsync(_options.Connections, duration, requestLimit, cancellationToken), cancellationToken);
    }

    private async Task<LoadResult> RunPhaseAsync(
        string label, TimeSpan planned, long? requestGoal, Func<(long, long)> counts, bool measured, Func<Task<LoadResult>> run,
        CancellationToken cancellationToken)
    {
        var before = measured ? await _topology.ReadCountersAsync(cancellationToken) : null;
        LoadResult result;
        await using (PhaseProgress.Start(++_phase, Phases, label, planned, requestGoal, counts)) result = await run();
        if (before is not null)
        {
            var after = await _topology.ReadCountersAsync(cancellationToken);
            var spent = after.ToDictionary(entry => entry.Key, entry => entry.Value.Since(before[entry.Key]));
            _costs.Add(new PhaseCost(label, result.Succeeded + result.Failed, spent));
        }
        return result;
    }
}
