using System.Text;
using static DaprShop.Benchmarks.ReportSections;

namespace DaprShop.Benchmarks;

/// <summary>The Markdown report of an <c>actors</c> run: the command, the machine, every figure and the target's verdict.</summary>
public static class ActorReport
{
    public static string Render(ActorBenchmarkResults results)
    {
        var report = new StringBuilder();
        var options = results.Options;
        report.AppendLine("## Actor benchmark").AppendLine();
        AppendCommandAndMachine(report, "actors", options.Arguments, results.Machine);
        report.AppendLine("- Sidecars: the actor app's and the caller's in one process, as a multi-app run (`run -f`) hosts them; the caller → host hop is an in-process call, the host → app hop loopback HTTP");
        AppendProcesses(report, results.ProcessGc);
        report.AppendLine(Invariant, $"- Calls: `PUT /{ActorWorkloads.MethodPath("{id}")}` on the caller's sidecar, no body, a JSON number (the turn count) in the answer; HTTP/1.1 keep-alive (SocketsHttpHandler)");
        report.AppendLine(Invariant, $"- Each call is one turn of `{BenchmarkActor.TypeName}.{BenchmarkActor.MethodName}` (actor library, `AddActors`/`MapActorsHandlers`): it reads one state value and writes it back incremented, so the turn ends with one transactional save (`POST /v1.0/actors/{{type}}/{{id}}/state`, one upsert) on the `{BenchmarkTopology.StateStoreType}` actor state store. The read comes from the store on an activation's first turn and from the activation's cache afterwards, as in Dapr.Actors.");
        report.AppendLine();
        AppendInvalidity(report, InvalidityReasons(results));
        AppendHotActor(report, results);
        AppendRandomActors(report, results);
        AppendCosts(report, "call", results.ProcessGc, results.Costs);
        return report.ToString();
    }

    private static List<string> InvalidityReasons(ActorBenchmarkResults results)
    {
        var reasons = CommonInvalidity(results.Machine, [results.HotActor, results.HotActorSequential, results.RandomActors]);
        if (results.Options.Duration < ActorBenchmarkOptions.MinimumValidDuration)
            reasons.Add($"measured runs of {Seconds(results.Options.Duration)}, shorter than {Seconds(ActorBenchmarkOptions.MinimumValidDuration)}");
        return reasons;
    }

    private static void AppendHotActor(StringBuilder report, ActorBenchmarkResults results)
    {
        var options = results.Options;
        report.AppendLine("### One hot actor").AppendLine();
        report.AppendLine(Invariant, $"Every call to the same actor id, closed loop, {Seconds(options.Duration)} per run after a {Seconds(options.WarmupDuration)} warm-up. The actor's turns are serialized, so its turn time is the inverse of its calls/s; with {options.Connections} connections each call also waits for the turns of up to {options.Connections - 1} calls ahead of it, which one connection leaves out.").AppendLine();
        report.AppendLine("| Run | Calls/s | Turn time | Errors | p50 | p90 | p99 | max |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        AppendHotActorRow(report, $"{options.Connections} connections", results.HotActor);
        AppendHotActorRow(report, "1 connection", results.HotActorSequential);
        report.AppendLine();
        var p99 = results.HotActor.Latency.P99Milliseconds;
        report.AppendLine(Invariant,
            $"One actor, {options.Connections} connections, p99: **{Milliseconds(p99)}** (target ≤ {PerformanceTargets.MaxOneActorP99Milliseconds:0} ms: **{Verdict(p99 <= PerformanceTargets.MaxOneActorP99Milliseconds)}**)");
        report.AppendLine();
    }

    private static void AppendHotActorRow(StringBuilder report, string run, LoadResult result) =>
        report.AppendLine(Invariant,
            $"| {run} | {result.SucceededPerSecond:N0} | {Milliseconds(1000 / result.SucceededPerSecond)} | {result.Failed:N0} | {Milliseconds(result.Latency.P50Milliseconds)} | {Milliseconds(result.Latency.P90Milliseconds)} | {Milliseconds(result.Latency.P99Milliseconds)} | {Milliseconds(result.Latency.MaxMilliseconds)} |");

    private static void AppendRandomActors(StringBuilder report, ActorBenchmarkResults results)
    {
        var options = results.Options;
        var random = results.RandomActors;
        report.AppendLine("### Actors at random").AppendLine();
        report.AppendLine(Invariant, $"Ids drawn at random from {options.Actors:N0} distinct actors, each called once beforehand so all are active; closed loop, {options.Connections} connections, {Seconds(options.Duration)}.").AppendLine();
        report.AppendLine("| Run | Calls/s | Errors | p50 | p90 | p99 | max |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(Invariant,
            $"| {options.Actors:N0} actors, {options.Connections} connections | {random.SucceededPerSecond:N0} | {random.Failed:N0} | {Milliseconds(random.Latency.P50Milliseconds)} | {Milliseconds(random.Latency.P90Milliseconds)} | {Milliseconds(random.Latency.P99Milliseconds)} | {Milliseconds(random.Latency.MaxMilliseconds)} |");
        report.AppendLine();
    }
}
