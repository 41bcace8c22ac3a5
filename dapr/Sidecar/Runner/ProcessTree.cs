using System.Runtime.InteropServices;

namespace DaprShop.Sidecar.Runner;

/// <summary>
/// A process and every descendant it has been seen with, on Linux (parent pids from /proc/&lt;pid&gt;/stat).
/// Stopping the whole tree matters because commands such as <c>dotnet run</c> start the real app as a child: a signal
/// to the command alone would leave the app running as an orphan. Members are remembered with their start time, so a
/// descendant that was re-parented after its parent exited is still stopped, and a recycled pid is never signalled.
/// </summary>
internal sealed class ProcessTree
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Dictionary<int, ulong> _members = [];
    private readonly Lock _lock = new();

    public ProcessTree(int rootPid)
    {
        if (ReadStat(rootPid) is { } root) _members[rootPid] = root.StartTime;
        Refresh();
    }

    /// <summary>Adds the descendants the members have now.</summary>
    public void Refresh()
    {
        lock (_lock) AddDescendants(_members);
    }

    /// <summary>
    /// SIGTERM to every running member, up to <paramref name="gracePeriod"/> for all to exit, then SIGKILL to the rest.
    /// Descendants that appear meanwhile get the same treatment.
    /// </summary>
    public async Task TerminateAsync(TimeSpan gracePeriod)
    {
        var deadline = DateTime.UtcNow + gracePeriod;
        var signalled = new HashSet<int>();
        while (true)
        {
            var running = RunningMembers();
            if (running.Count == 0) return;
            if (DateTime.UtcNow >= deadline) break;
            foreach (var pid in running.Where(signalled.Add)) Signal(pid, SigTerm);
            await Task.Delay(50);
        }

        var killDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (RunningMembers() is { Count: > 0 } survivors && DateTime.UtcNow < killDeadline)
        {
            foreach (var pid in survivors) Signal(pid, SigKill);
            await Task.Delay(50);
        }
    }

    /// <summary>Pids of all current descendants of <paramref name="pid"/>.</summary>
    public static IReadOnlyCollection<int> DescendantsOf(int pid) => new ProcessTree(pid)._members.Keys.Where(member => member != pid).ToList();

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid) => ReadStat(pid) is { State: not ('Z' or 'X') };

    /// <summary>Sends a signal (libc kill); a process that is already gone is not an error.</summary>
    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    private List<int> RunningMembers()
    {
        lock (_lock)
        {
            AddDescendants(_members);
            return _members
                .Where(member => ReadStat(member.Key) is { State: not ('Z' or 'X') } stat && stat.StartTime == member.Value)
                .Select(member => member.Key)
                .ToList();
        }
    }

    private static void AddDescendants(Dictionary<int, ulong> tree)
    {
        var processes = new List<(int Pid, int ParentPid, ulong StartTime)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ReadStat(pid) is { } stat)
                processes.Add((pid, stat.ParentPid, stat.StartTime));
        }
        var childrenByParent = processes.ToLookup(process => process.ParentPid);
        var startTimes = processes.ToDictionary(process => process.Pid, process => process.StartTime);

        // Only members that are still the same process can have children of ours: a member's pid may have been recycled.
        var pending = new Queue<int>(tree.Where(member => startTimes.GetValueOrDefault(member.Key) == member.Value).Select(member => member.Key));
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in childrenByParent[parent])
            {
                if (tree.TryAdd(child.Pid, child.StartTime)) pending.Enqueue(child.Pid);
            }
        }
    }

    /// <summary>
    /// Fields of /proc/&lt;pid&gt;/stat: "pid (comm) state ppid … starttime(22nd) …"; comm may hold spaces and
    /// parentheses, so fields are counted from the last ')'.
    /// </summary>
    private static (char State, int ParentPid, ulong StartTime)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1]), ulong.Parse(fields[19]));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
