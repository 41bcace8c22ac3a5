using DaprShop.Actors;
using DaprShop.Workflow;
using DaprShop.Workflow.Durability;

namespace DaprShop.Benchmarks;

/// <summary>
/// The <c>workflows</c> command: starts an app running the workflow engine with <see cref="FiveStepWorkflow"/>, its
/// sidecar and a caller's sidecar (both in one process, as <c>run -f</c> hosts them) as child processes; the load
/// generator starts instances through <see cref="DaprWorkflowClient"/> on the caller's sidecar, a fixed number in
/// flight, and measures workflows completed/s and completion times; prints a Markdown report.
/// </summary>
public static class WorkflowBenchmark
{
    /// <summary>Warm-up and measured run.</summary>
    private const int Phases = 2;

    /// <summary>A run that has not finished by then is stuck, not slow.</summary>
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(WorkflowBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var machine = MachineDescription.Capture();
        await Console.Error.WriteLineAsync("Starting the workflow app, and its sidecar and the caller's in one process as `run -f` hosts them, as child processes…");
        await using var topology = await BenchmarkTopology.StartAsync(ServedApp.Workflows, SidecarTopology.Run, cancellationToken);
        var proxies = new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = topology.CallerSidecarUri.ToString().TrimEnd('/'), DaprApiToken = null });
        await using var client = new DaprWorkflowClient(proxies, WorkflowActorTypeNames.For(BenchmarkWorkflowApp.AppId, @namespace: null), TimeProvider.System);
        var phases = new BenchmarkPhases(topology, Phases);

        // JIT, connection pools and the first actor activations are one-offs; a window's worth of instances covers them.
        await RunWorkflowsAsync(phases, new WorkflowLoad(client, "warm-up"), "warm-up", options.InFlight, options.InFlight, measured: false,
            cancellationToken);
        var load = new WorkflowLoad(client, "measured");
        var workflows = await RunWorkflowsAsync(phases, load, "workflows", options.InFlight, options.Total, measured: true, cancellationToken);

        var results = new WorkflowBenchmarkResults(options, machine, topology.ProcessGc(machine), workflows, load.StatusReadsPerWorkflow, phases.Costs);
        await ReportOutput.PublishAsync(WorkflowReport.Render(results), options.OutputFile, cancellationToken);
        return 0;
    }

    private static Task<LoadResult> RunWorkflowsAsync(
        BenchmarkPhases phases, WorkflowLoad load, string name, int inFlight, int total, bool measured, CancellationToken cancellationToken) =>
        phases.RunPhaseAsync($"{name} ({inFlight} in flight)", RunDeadline, requestGoal: total, () => (load.Finished, load.Failed), measured,
            () => load.RunAsync(name, inFlight, total, cancellationToken).WaitAsync(RunDeadline, cancellationToken), cancellationToken);
}
