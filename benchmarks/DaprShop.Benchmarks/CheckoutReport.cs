using System.Text;
using static DaprShop.Benchmarks.ReportSections;

namespace DaprShop.Benchmarks;

/// <summary>The Markdown report of a <c>checkout</c> run.</summary>
public static class CheckoutReport
{
    public static string Render(CheckoutBenchmarkResults results)
    {
        var report = new StringBuilder();
        var options = results.Options;
        var checkouts = results.Checkouts;
        var sale = results.FlashSale;
        report.AppendLine("## Checkout benchmark: checkouts per second, flash sale").AppendLine();
        AppendCommandAndMachine(report, "checkout", options.Arguments, results.Machine);
        report.AppendLine("- System under test: the whole shop as `run -f dapr` starts it (8 apps each behind its own local sidecar, SQLite state, in-memory pub/sub, the simulated Stripe delivering signed webhooks), from the Release build, the gateway's rate limits lifted; the load generator on the same machine");
        report.AppendLine(Invariant, $"- Shoppers: {options.Shoppers + sale.Checkouts:N0} registered, verified and signed in through the gateway, one unit in the cart each, in {results.ShopperPreparation.TotalSeconds:0.0} s");
        report.AppendLine();
        var reasons = CommonInvalidity(results.Machine, [checkouts]);
        if (sale.ServerErrors > 0) reasons.Add($"the flash sale had {sale.ServerErrors} 5xx answers");
        AppendInvalidity(report, reasons);

        report.AppendLine("### Checkouts").AppendLine();
        report.AppendLine(Invariant, $"After {Seconds(options.Warmup)} of the same load as a warm-up (the processes' JIT re-compiles their hot code optimized meanwhile), each shopper checks out (`POST /api/ordering/orders/checkout`, a new Idempotency-Key, `pm_card_visa`), reads the order first when its previous checkout took to be paid, then every {CheckoutLoad.PollInterval.TotalMilliseconds:0} ms until it is Paid, puts one unit back in the cart (which the workflow empties before it marks the order Paid) and checks out again. Latency is from just before the POST to the time the order's timeline gives for Paid (the shop's clock, on this machine), so it does not depend on the poll interval; the polls are part of the load.").AppendLine();
        report.AppendLine(Invariant, $"| Closed loop, {options.Shoppers} shoppers, {Seconds(options.Duration)} | checkouts/s | Errors | p50 | p95 | p99 | max |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(Invariant,
            $"| checkout to Paid through the gateway | {checkouts.SucceededPerSecond:N1} | {checkouts.Failed:N0} | {Milliseconds(checkouts.Latency.P50Milliseconds)} | {Milliseconds(checkouts.Latency.P95Milliseconds)} | {Milliseconds(checkouts.Latency.P99Milliseconds)} | {Milliseconds(checkouts.Latency.MaxMilliseconds)} |");
        report.AppendLine();
        AppendStages(report, results.CheckoutStages);
        AppendCpu(report, results.CheckoutCpu, checkouts);
        if (results.CheckoutErrors.Count > 0)
            report.AppendLine("Errors by kind: " + string.Join(", ", results.CheckoutErrors.OrderBy(error => error.Key).Select(error => $"{error.Key}: {error.Value:N0}")) + ".").AppendLine();
        report.AppendLine(Invariant, $"- ≥ {PerformanceTargets.MinCheckoutsPerSecond:0} checkouts/s: **{Verdict(results.MeetsThroughputTarget)}** ({checkouts.SucceededPerSecond:N1}/s)");
        report.AppendLine(Invariant, $"- p95 ≤ {PerformanceTargets.MaxCheckoutP95Milliseconds:0} ms: **{Verdict(results.MeetsLatencyTarget)}** ({Milliseconds(checkouts.Latency.P95Milliseconds)})");
        report.AppendLine();

        report.AppendLine("### Flash sale").AppendLine();
        report.AppendLine(Invariant, $"{sale.Checkouts} shoppers check out at the same moment for a SKU with {sale.Units} units. Completion runs from the first checkout sent to the latest final status (Paid or Failed) in the orders' timelines; unfinished orders are read in sweeps every 250 ms until all are final.").AppendLine();
        report.AppendLine("| Checkouts | Units | Paid | Failed for stock | Failed otherwise | Refused at checkout (4xx) | 5xx | Slowest checkout answer | Completion |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(Invariant,
            $"| {sale.Checkouts} | {sale.Units} | {sale.Paid} | {sale.FailedForStock} | {sale.FailedOtherwise} | {sale.RefusedAtCheckout} | {sale.ServerErrors} | {sale.SlowestAnswer.TotalSeconds:0.0} s | {sale.Completion.TotalSeconds:0.0} s |");
        report.AppendLine();
        report.AppendLine(Invariant, $"Exactly the stock sold and every other shopper refused cleanly: **{(sale.SoldExactlyTheStock ? "yes" : "no")}**.");
        return report.ToString();
    }

    private static void AppendCpu(StringBuilder report, ShopCpuTimes cpu, LoadResult checkouts)
    {
        var paid = Math.Max(checkouts.Succeeded, 1);
        var total = cpu.ByProcess.Values.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);
        report.AppendLine(Invariant, $"CPU per paid checkout by process during the measured run ({Environment.ProcessorCount} cores; {total.TotalSeconds / checkouts.Elapsed.TotalSeconds:0.00} cores busy on average):").AppendLine();
        report.AppendLine("| Process | CPU per checkout | Share |");
        report.AppendLine("|---|---:|---:|");
        foreach (var (name, time) in cpu.ByProcess.OrderByDescending(pair => pair.Value))
        {
            report.AppendLine(Invariant, $"| {name} | {time.TotalMilliseconds / paid:0.00} ms | {100 * time / total:0} % |");
        }
        report.AppendLine(Invariant, $"| **total** | **{total.TotalMilliseconds / paid:0.00} ms** | |");
        report.AppendLine();
    }

    private static void AppendStages(StringBuilder report, IReadOnlyCollection<CheckoutStages> stages)
    {
        report.AppendLine("Where the time went (paid checkouts; the order's timeline, the shop's clock on this machine):").AppendLine();
        report.AppendLine("| Stage | p50 | p95 | max |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, span) in CheckoutStages.Spans)
        {
            var latency = LatencySummary.FromDurations(stages.Select(span));
            report.AppendLine(Invariant, $"| {name} | {Milliseconds(latency.P50Milliseconds)} | {Milliseconds(latency.P95Milliseconds)} | {Milliseconds(latency.MaxMilliseconds)} |");
        }
        report.AppendLine();
    }
}
