using System.Diagnostics;
using System.Globalization;

namespace DaprShop.Benchmarks;

/// <summary>
/// The CPU time each process of a running shop has used: the runner (which hosts all eight sidecars), each app it
/// started, and the load generator. Read from /proc (Linux), so two snapshots around a phase, divided by what the phase
/// completed, give each process's CPU per checkout: the figure that says where a checkout's cost lies.
/// </summary>
public sealed record ShopCpuTimes(IReadOnlyDictionary<string, TimeSpan> ByProcess)
{
    public const string Runner = "runner (8 sidecars)";
    public const string LoadGenerator = "load generator";

    /// <summary>Linux's USER_HZ, the unit of /proc/[pid]/stat's utime and stime, on every common architecture.</summary>
    private const double ClockTicksPerSecond = 100;

    public static ShopCpuTimes Capture(int runnerProcessId)
    {
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? ReadStat(pid) : null)
            .OfType<(int Pid, int ParentPid, long Ticks)>()
            .ToList();
        var shop = new HashSet<int> { runnerProcessId };
        // Children are listed after their parents often but not always (pids wrap), so repeat until nothing joins.
        while (processes.Where(process => !shop.Contains(process.Pid) && shop.Contains(process.ParentPid)).ToList() is { Count: > 0 } joining)
        {
            foreach (var process in joining) shop.Add(process.Pid);
        }

        var byProcess = processes.Where(process => shop.Contains(process.Pid))
            .GroupBy(process => process.Pid == runnerProcessId ? Runner : NameOf(process.Pid))
            .ToDictionary(group => group.Key, group => TimeSpan.FromSeconds(group.Sum(process => process.Ticks) / ClockTicksPerSecond));
        using var self = Process.GetCurrentProcess();
        byProcess[LoadGenerator] = self.TotalProcessorTime;
        return new ShopCpuTimes(byProcess);
    }

    public ShopCpuTimes Since(ShopCpuTimes earlier) =>
        new(ByProcess.ToDictionary(pair => pair.Key, pair => pair.Value - earlier.ByProcess.GetValueOrDefault(pair.Key)));

    private static (int Pid, int ParentPid, long Ticks)? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (pid, int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>An app by its assembly (<c>DaprShop.Ordering.dll</c> → ordering); other helpers by their command.</summary>
    private static string NameOf(int pid)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var dll = arguments.FirstOrDefault(argument => argument.EndsWith(".dll", StringComparison.Ordinal));
            return dll is null ? Path.GetFileName(arguments[0]) : Path.GetFileNameWithoutExtension(dll).Replace("DaprShop.", "", StringComparison.Ordinal).ToLowerInvariant();
        }
        catch (IOException)
        {
            return $"process {pid}";
        }
    }
}
