namespace DaprShop.Workflow.CrashApp;

/// <summary>
/// One line per activity execution ("instance TAB activity TAB attempt TAB time and pid"), appended before the
/// activity returns, so the test process can count executions across app processes, including killed ones.
/// </summary>
public sealed class ExecutionLog(string path)
{
    private readonly Lock _gate = new();

    /// <summary>Appends this execution and returns its attempt number (1 for the first execution ever recorded).</summary>
    public int Record(string instanceId, string activityName)
    {
        lock (_gate)
        {
            var attempt = CountPrevious(instanceId, activityName) + 1;
            // A plain write reaches the kernel before we return, so a SIGKILL right after cannot lose it.
            File.AppendAllText(path, $"{instanceId}\t{activityName}\t{attempt}\t{DateTime.UtcNow:HH:mm:ss.fff} pid {Environment.ProcessId}\n");
            return attempt;
        }
    }

    private int CountPrevious(string instanceId, string activityName) =>
        !File.Exists(path) ? 0 : File.ReadLines(path).Count(line => line.StartsWith($"{instanceId}\t{activityName}\t", StringComparison.Ordinal));
}
