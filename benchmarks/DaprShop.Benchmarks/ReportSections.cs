using System.Globalization;
using System.Text;

namespace DaprShop.Benchmarks;

/// <summary>
/// The parts every benchmark report shares: the command and machine lines, the reasons a run cannot be compared with
/// the targets, closed-loop tables, the cost of a request in each process, and how figures are written.
/// </summary>
public static class ReportSections
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The command as typed to repeat the run, then where and when it ran.</summary>
    public static void AppendCommandAndMachine(StringBuilder report, string command, IReadOnlyList<string> arguments, MachineDescription machine)
    {
        report.AppendLine(Invariant, $"- Command: `dotnet run -c {machine.BuildConfiguration} --project benchmarks/DaprShop.Benchmarks -- {command}{string.Concat(arguments.Select(argument => " " + argument))}`");
        report.AppendLine(Invariant, $"- Date: {machine.Date:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine(Invariant, $"- Machine: {machine.LogicalCores} logical cores{(machine.CpuModel is { } cpu ? $" ({cpu})" : "")}, {machine.MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB memory, {machine.OperatingSystem}, {machine.Architecture}");
        report.AppendLine(Invariant, $"- Runtime: {machine.Runtime}, {machine.BuildConfiguration} build");
        if (machine.LoadAverage is { } load) report.AppendLine(Invariant, $"- Load average at start (1, 5, 15 min): {load}");
    }

    public static void AppendProcesses(StringBuilder report, IReadOnlyDictionary<string, string> processGc) =>
        report.AppendLine(Invariant, $"- Processes, each separate from the others, with their GC: {string.Join("; ", processGc.Select(entry => $"{entry.Key}: {entry.Value}"))}");

    /// <summary>What makes any run incomparable with the targets; a command adds its own reasons.</summary>
    public static List<string> CommonInvalidity(MachineDescription machine, IEnumerable<LoadResult> measured)
    {
        var reasons = new List<string>();
        if (!machine.IsRelease) reasons.Add("not a Release build");
        if (machine.WasBusy) reasons.Add($"a busy machine (load average {machine.OneMinuteLoad:0.0} on {machine.LogicalCores} cores at the start)");
        var failed = measured.Where(result => result.Failed > 0).Select(result => $"{result.Name}: {result.Failed:N0} errors").ToList();
        if (failed.Count > 0) reasons.Add("failed requests (" + string.Join(", ", failed) + ")");
        return reasons;
    }

    public static void AppendInvalidity(StringBuilder report, IReadOnlyList<string> reasons)
    {
        if (reasons.Count == 0) return;
        report.AppendLine(Invariant, $"> **Not a result to compare with the targets:** {string.Join("; ", reasons)}.").AppendLine();
    }

    public static void AppendClosedLoopTable(StringBuilder report, string what, string rate, IEnumerable<(string Name, LoadResult Result)> rows)
    {
        report.AppendLine(Invariant, $"| {what} | {rate} | Errors | p50 | p99 | max |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, result) in rows)
        {
            report.AppendLine(Invariant,
                $"| {name} | {result.SucceededPerSecond:N0} | {result.Failed:N0} | {Milliseconds(result.Latency.P50Milliseconds)} | {Milliseconds(result.Latency.P99Milliseconds)} | {Milliseconds(result.Latency.MaxMilliseconds)} |");
        }
        report.AppendLine();
    }

    /// <param name="unit">What one request is in this benchmark (request, call, workflow).</param>
    public static void AppendCosts(StringBuilder report, string unit, IReadOnlyDictionary<string, string> processGc, IEnumerable<PhaseCost> costs)
    {
        var processes = processGc.Keys.ToList();
        report.AppendLine(Invariant, $"### Cost per {unit} in each process").AppendLine();
        report.AppendLine(Invariant, $"CPU time and managed allocations of each process during each measured run, divided by the {unit}s of the run. Idle processes still show their background work.").AppendLine();
        report.AppendLine("| Run | " + string.Join(" | ", processes) + " |");
        report.AppendLine("|---|" + string.Concat(processes.Select(_ => "---:|")));
        foreach (var cost in costs)
        {
            var cells = processes.Select(process =>
                string.Create(Invariant, $"{cost.CpuMicrosecondsPerRequest(process):0} µs, {cost.KilobytesAllocatedPerRequest(process):0.0} KB, gen0/1/2 {cost.Spent[process].Gen0Collections}/{cost.Spent[process].Gen1Collections}/{cost.Spent[process].Gen2Collections}"));
            report.AppendLine($"| {cost.Phase} | {string.Join(" | ", cells)} |");
        }
        report.AppendLine();
    }

    public static string Verdict(bool met) => met ? "pass" : "miss";

    public static string Milliseconds(double value) => string.Create(Invariant, $"{value:0.00} ms");

    public static string Seconds(TimeSpan duration) => string.Create(Invariant, $"{duration.TotalSeconds:0.#} s");
}
