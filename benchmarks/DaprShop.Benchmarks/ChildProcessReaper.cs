using System.Diagnostics;

namespace DaprShop.Benchmarks;

/// <summary>
/// Kills every child still running when this process exits by a path that skips the normal disposal (an unhandled
/// exception, SIGTERM). The children also stop by themselves when their standard input closes; this is the fast path.
/// </summary>
public static class ChildProcessReaper
{
    private static readonly HashSet<Process> Running = [];

    static ChildProcessReaper() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(Process process)
    {
        lock (Running) Running.Add(process);
    }

    public static void Forget(Process process)
    {
        lock (Running) Running.Remove(process);
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }
            }
            Running.Clear();
        }
    }
}
