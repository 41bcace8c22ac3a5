using System.Text;
using static DaprShop.Benchmarks.ReportSections;

namespace DaprShop.Benchmarks;

/// <summary>The Markdown report of a <c>workflows</c> run: the command, the machine, every figure and the target's verdict.</summary>
public static class WorkflowReport
{
    public static string Render(WorkflowBenchmarkResults results)
    {
        var report = new StringBuilder();
        var options = results.Options;
        var workflows = results.Workflows;
        report.AppendLine("## Workflow benchmark").AppendLine();
        AppendCommandAndMachine(report, "workflows", options.Arguments, results.Machine);
        report.AppendLine("- Sidecars: the workflow app's and the caller's in one process, as a multi-app run (`run -f`) hosts them; the caller → host hop is an in-process call, the host → app hop loopback HTTP");
        AppendProcesses(report, results.ProcessGc);
        report.AppendLine(Invariant, $"- Workflow: `{nameof(FiveStepWorkflow)}`, {FiveStepWorkflow.Steps} activities in sequence, each returning its input plus one; the engine's workflow and activity actors hosted by the app, their state and reminders on the `{BenchmarkTopology.StateStoreType}` actor state store");
        report.AppendLine(Invariant, $"- Load: `DaprWorkflowClient` in the load generator over the caller's sidecar, {options.InFlight} instances in flight (each finished one replaced by a new one) until {options.Total:N0} have finished, after a warm-up of {options.InFlight}; status read about when the last instance took to finish, then every 20 ms ({results.StatusReadsPerWorkflow:0.0} reads per workflow)");
        report.AppendLine("- Completion time: from just before the schedule call to the timestamp the engine gave the completion, so it does not depend on when the generator read the status");
        report.AppendLine();
        var reasons = CommonInvalidity(results.Machine, [workflows]);
        if (options.Total < WorkflowBenchmarkOptions.MinimumValidTotal)
            reasons.Add($"{options.Total:N0} workflows measured, fewer than {WorkflowBenchmarkOptions.MinimumValidTotal:N0}");
        AppendInvalidity(report, reasons);

        report.AppendLine("### Throughput and completion time").AppendLine();
        report.AppendLine("| Run | Workflows completed/s | Failed | p50 | p95 | p99 | max |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(Invariant,
            $"| {options.Total:N0} workflows, {options.InFlight} in flight | {workflows.SucceededPerSecond:N1} | {workflows.Failed:N0} | {Milliseconds(workflows.Latency.P50Milliseconds)} | {Milliseconds(workflows.Latency.P95Milliseconds)} | {Milliseconds(workflows.Latency.P99Milliseconds)} | {Milliseconds(workflows.Latency.MaxMilliseconds)} |");
        report.AppendLine();
        report.AppendLine(Invariant,
            $"Workflows completed/s: **{workflows.SucceededPerSecond:N1}** (target ≥ {PerformanceTargets.MinWorkflowsPerSecond:0}: **{Verdict(workflows.SucceededPerSecond >= PerformanceTargets.MinWorkflowsPerSecond)}**; Dapr publishes {PerformanceTargets.DaprWorkflowsPerSecond} for comparable shapes on a small cluster)");
        report.AppendLine();
        AppendCosts(report, "workflow", results.ProcessGc, results.Costs);
        return report.ToString();
    }
}
