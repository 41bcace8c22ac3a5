using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using DaprShop.Sidecar.Runtime;

namespace DaprShop.Benchmarks;

/// <summary>Where and how a run took place: figures from another machine or a Debug build are not comparable.</summary>
public sealed record MachineDescription(
    DateTimeOffset Date,
    int LogicalCores,
    string? CpuModel,
    long MemoryBytes,
    string OperatingSystem,
    string Architecture,
    string Runtime,
    string? LoadAverage,
    string BuildConfiguration,
    string LoadGeneratorGc)
{
    public static MachineDescription Capture() => new(
        DateTimeOffset.UtcNow,
        Environment.ProcessorCount,
        ReadCpuModel(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        ReadLoadAverage(),
        IsOptimized(typeof(MachineDescription).Assembly) && IsOptimized(typeof(SidecarHost).Assembly) ? "Release" : "Debug",
        DescribeGc(GCSettings.IsServerGC, GCSettings.LatencyMode != GCLatencyMode.Batch));

    public bool IsRelease => BuildConfiguration == "Release";

    public double? OneMinuteLoad =>
        LoadAverage is { } averages && double.TryParse(averages.Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : null;

    /// <summary>
    /// Other work ran when the benchmark started: its processes would compete with the four measured ones for the
    /// cores, which shows up as latency and lost throughput that are not the sidecar's.
    /// </summary>
    public bool WasBusy => OneMinuteLoad >= LogicalCores / 2.0;

    public static string DescribeGc(bool server, bool concurrent) =>
        $"{(server ? "server" : "workstation")}, {(concurrent ? "concurrent" : "non-concurrent")}";

    private static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    /// <summary>Linux only; elsewhere the report just omits it.</summary>
    private static string? ReadCpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;

    /// <summary>1, 5 and 15-minute load averages at the start: a busy machine is visible in the report.</summary>
    private static string? ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
}
