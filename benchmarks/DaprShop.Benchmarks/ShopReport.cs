using System.Text;
using static DaprShop.Benchmarks.ReportSections;

namespace DaprShop.Benchmarks;

/// <summary>The Markdown report of a <c>shop</c> run.</summary>
public static class ShopReport
{
    public static string Render(ShopBenchmarkResults results)
    {
        var report = new StringBuilder();
        var options = results.Options;
        report.AppendLine("## Shop benchmark: browse and search, logins, reservations").AppendLine();
        AppendCommandAndMachine(report, "shop", options.Arguments, results.Machine);
        report.AppendLine(Invariant, $"- System under test: the whole shop as `run -f dapr` starts it (8 apps each behind its own local sidecar, SQLite state, in-memory pub/sub), from the Release build, with {results.SeededProducts:N0} seeded products; the load generator on the same machine");
        report.AppendLine(Invariant, $"- Catalogue mix: {ShopWorkloads.CatalogQueries.Count} queries in rotation, half category pages (every category, three pages deep, with sorts and the in-stock filter), half text searches (words, prefixes, accented and unaccented, with price filters and sorts), 24 products a page");
        report.AppendLine();
        var measured = new List<LoadResult> { results.CatalogThroughGateway, results.CatalogDirect, results.Logins, results.HotSkuReservations, results.SpreadReservations };
        measured.AddRange(results.CatalogRateSteps.Select(step => step.Result));
        AppendInvalidity(report, CommonInvalidity(results.Machine, measured));

        report.AppendLine("### Browse and search through the gateway").AppendLine();
        AppendClosedLoopTable(report, $"Closed loop, {options.Connections} connections, {Seconds(options.Duration)}", "req/s",
            [("gateway → its sidecar → catalog's sidecar → catalog", results.CatalogThroughGateway), ("catalog app directly (baseline)", results.CatalogDirect)]);
        report.AppendLine(Invariant, $"Through the gateway: {results.CatalogThroughGateway.SucceededPerSecond / results.CatalogDirect.SucceededPerSecond:0.00} × the direct throughput.").AppendLine();
        report.AppendLine("| Open loop, fixed rate | Sent/s | Errors | p50 | p90 | p99 | max |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (rate, result) in results.CatalogRateSteps)
        {
            report.AppendLine(Invariant,
                $"| {rate:N0} req/s | {result.SucceededPerSecond:N0} | {result.Failed:N0} | {Milliseconds(result.Latency.P50Milliseconds)} | {Milliseconds(result.Latency.P90Milliseconds)} | {Milliseconds(result.Latency.P99Milliseconds)} | {Milliseconds(result.Latency.MaxMilliseconds)} |");
        }
        report.AppendLine();
        report.AppendLine(results.SustainableCatalogRate is var (best, bestResult)
            ? string.Create(Invariant, $"Highest rate tried with p99 ≤ {PerformanceTargets.MaxCatalogP99Milliseconds:0} ms: **{best:N0} req/s** (p99 {Milliseconds(bestResult.Latency.P99Milliseconds)}).")
            : string.Create(Invariant, $"No rate tried kept p99 ≤ {PerformanceTargets.MaxCatalogP99Milliseconds:0} ms: **miss**."));
        report.AppendLine();

        report.AppendLine("### Logins").AppendLine();
        AppendClosedLoopTable(report, $"Closed loop, {results.LoginConnections} accounts logging in over and over", "logins/s", [("login through the gateway", results.Logins)]);
        report.AppendLine(Invariant, $"Baseline: this machine verifies {results.PasswordVerificationsPerSecondOnOneThread:N1} password hashes/s on one thread with ASP.NET Core's `PasswordHasher` (PBKDF2, its default iterations), the cost every login must pay; {results.Machine.LogicalCores} cores make {results.PasswordVerificationsPerSecondOnOneThread * results.Machine.LogicalCores:N0}/s the ceiling. Logins reach {results.Logins.SucceededPerSecond / (results.PasswordVerificationsPerSecondOnOneThread * results.Machine.LogicalCores):0.00} of it.");
        report.AppendLine();

        report.AppendLine("### Stock reservations").AppendLine();
        AppendClosedLoopTable(report, $"Closed loop, {results.ReservationConnections} connections, actor calls through inventory's sidecar", "reservations/s",
            [("one hot SKU (every call queues for one actor)", results.HotSkuReservations), ("spread over many SKUs (baseline)", results.SpreadReservations)]);
        report.AppendLine(Invariant, $"One hot SKU: {results.HotSkuReservations.SucceededPerSecond / results.SpreadReservations.SucceededPerSecond:0.00} × the spread throughput.");
        return report.ToString();
    }
}
