using System.Text;
using static DaprShop.Benchmarks.ReportSections;

namespace DaprShop.Benchmarks;

/// <summary>The Markdown report of a <c>sidecar</c> run: the command, the machine, every figure and each target's verdict.</summary>
public static class SidecarReport
{
    public static string Render(SidecarBenchmarkResults results)
    {
        var report = new StringBuilder();
        var options = results.Options;
        var machine = results.Machine;
        report.AppendLine("## Sidecar benchmark").AppendLine();
        AppendCommandAndMachine(report, "sidecar", options.Arguments, machine);
        report.AppendLine(Invariant, $"- Sidecars: {(options.Topology == SidecarTopology.Run ? "A and B in one process, as a multi-app run (`run -f`) hosts them; the A → B hop is an in-process call" : "A and B each in its own process, as sidecars started by hand; the A → B hop is loopback HTTP")}");
        AppendProcesses(report, results.ProcessGc);
        report.AppendLine(Invariant, $"- Client: HTTP/1.1 keep-alive (SocketsHttpHandler); timetable kept with {PreciseDelay.Method}; {BenchmarkWorkloads.OrderBytes}-byte JSON POST, {BenchmarkApp.VerdictBytes}-byte JSON answer");
        report.AppendLine();
        AppendInvalidity(report, InvalidityReasons(results));
        AppendLatency(report, results);
        AppendThroughput(report, results);
        AppendState(report, results);
        AppendCosts(report, "request", results.ProcessGc, results.Costs);
        return report.ToString();
    }

    private static List<string> InvalidityReasons(SidecarBenchmarkResults results)
    {
        var reasons = CommonInvalidity(results.Machine, Measured(results));
        if (results.Options.FixedRateDuration < SidecarBenchmarkOptions.MinimumValidDuration)
            reasons.Add($"fixed-rate runs of {Seconds(results.Options.FixedRateDuration)}, shorter than {Seconds(SidecarBenchmarkOptions.MinimumValidDuration)}");
        if (results.Options.RequestsPerSecond != PerformanceTargets.TargetRequestsPerSecond)
            reasons.Add($"a rate of {results.Options.RequestsPerSecond:N0} req/s; the latency targets are defined at {PerformanceTargets.TargetRequestsPerSecond:N0}");
        return reasons;
    }

    private static IEnumerable<LoadResult> Measured(SidecarBenchmarkResults results) =>
        [results.DirectAtFixedRate, results.SidecarsAtFixedRate, results.DirectMaximum, results.SidecarsMaximum, results.StateSave, results.StateGet];

    private static void AppendLatency(StringBuilder report, SidecarBenchmarkResults results)
    {
        var options = results.Options;
        var direct = results.DirectAtFixedRate;
        var sidecars = results.SidecarsAtFixedRate;
        report.AppendLine(Invariant, $"### Latency added by two sidecar hops at a fixed {options.RequestsPerSecond:N0} req/s").AppendLine();
        report.AppendLine(Invariant, $"Open loop: requests sent on a fixed timetable, each latency measured from its scheduled send time. {Seconds(options.FixedRateDuration)} per path, after a {Seconds(options.WarmupDuration)} warm-up of each.").AppendLine();
        report.AppendLine("| Path | Requests | Errors | p50 | p90 | p99 | max |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        AppendLatencyRow(report, "direct: client → app", direct);
        AppendLatencyRow(report, "through sidecars: client → A → B → app", sidecars);
        report.AppendLine(Invariant,
            $"| **added by the two hops** | | | {Added(direct.Latency.P50Milliseconds, sidecars.Latency.P50Milliseconds)} | **{Added(direct.Latency.P90Milliseconds, sidecars.Latency.P90Milliseconds)}** | **{Added(direct.Latency.P99Milliseconds, sidecars.Latency.P99Milliseconds)}** | {Added(direct.Latency.MaxMilliseconds, sidecars.Latency.MaxMilliseconds)} |");
        var addedP90 = sidecars.Latency.P90Milliseconds - direct.Latency.P90Milliseconds;
        var addedP99 = sidecars.Latency.P99Milliseconds - direct.Latency.P99Milliseconds;
        report.AppendLine(Invariant,
            $"| target | | | | ≤ +{PerformanceTargets.MaxAddedP90Milliseconds:0.00} ms: **{Verdict(addedP90 <= PerformanceTargets.MaxAddedP90Milliseconds)}** | ≤ +{PerformanceTargets.MaxAddedP99Milliseconds:0.00} ms: **{Verdict(addedP99 <= PerformanceTargets.MaxAddedP99Milliseconds)}** | |");
        report.AppendLine(Invariant,
            $"| Dapr, published (same two hops) | | | | +{PerformanceTargets.DaprAddedP90Milliseconds:0.0} ms | +{PerformanceTargets.DaprAddedP99Milliseconds:0.0} ms | |");
        report.AppendLine();
        report.AppendLine(Invariant,
            $"The generator's own lateness against its timetable is part of both paths' latencies: direct p99 {Milliseconds(direct.DispatchLateness!.P99Milliseconds)}, max {Milliseconds(direct.DispatchLateness.MaxMilliseconds)}; through sidecars p99 {Milliseconds(sidecars.DispatchLateness!.P99Milliseconds)}, max {Milliseconds(sidecars.DispatchLateness.MaxMilliseconds)}.");
        report.AppendLine();
    }

    private static void AppendLatencyRow(StringBuilder report, string path, LoadResult result) =>
        report.AppendLine(Invariant,
            $"| {path} | {result.Succeeded + result.Failed:N0} | {result.Failed:N0} | {Milliseconds(result.Latency.P50Milliseconds)} | {Milliseconds(result.Latency.P90Milliseconds)} | {Milliseconds(result.Latency.P99Milliseconds)} | {Milliseconds(result.Latency.MaxMilliseconds)} |");

    private static void AppendThroughput(StringBuilder report, SidecarBenchmarkResults results)
    {
        var options = results.Options;
        report.AppendLine(Invariant, $"### Maximum throughput").AppendLine();
        report.AppendLine(Invariant, $"Closed loop: {options.Connections} connections, each sending its next request when the last one answers; {Seconds(options.ClosedLoopDuration)} per path.").AppendLine();
        AppendClosedLoopTable(report, "Path", "Requests/s",
            [("direct: client → app", results.DirectMaximum), ("through sidecars: client → A → B → app", results.SidecarsMaximum)]);
        var ratio = results.SidecarsMaximum.SucceededPerSecond / results.DirectMaximum.SucceededPerSecond;
        report.AppendLine(Invariant,
            $"Through sidecars / direct: **{ratio:0.00}** (target ≥ {PerformanceTargets.MinThroughputRatio:0.00}: **{Verdict(ratio >= PerformanceTargets.MinThroughputRatio)}**)");
        report.AppendLine();
    }

    private static void AppendState(StringBuilder report, SidecarBenchmarkResults results)
    {
        var options = results.Options;
        report.AppendLine(Invariant, $"### State on SQLite through sidecar A").AppendLine();
        report.AppendLine(Invariant, $"`{BenchmarkTopology.StateStoreType}` in a file under {Path.GetTempPath()}. Closed loop: {options.Connections} connections, {Seconds(options.ClosedLoopDuration)} per operation, keys drawn at random from {options.StateKeys:N0}, all written once beforehand.").AppendLine();
        AppendClosedLoopTable(report, "Operation", "Operations/s",
            [($"save: POST /v1.0/state/{BenchmarkTopology.StateStoreName}, one item", results.StateSave),
             ($"get: GET /v1.0/state/{BenchmarkTopology.StateStoreName}/{{key}}", results.StateGet)]);
    }

    private static string Added(double direct, double throughSidecars) => string.Create(Invariant, $"{throughSidecars - direct:+0.00;-0.00} ms");
}
