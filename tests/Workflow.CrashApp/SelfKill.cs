using System.Runtime.InteropServices;

namespace DaprShop.Workflow.CrashApp;

/// <summary>
/// SIGKILL to this process: no finally blocks, no graceful shutdown, no HTTP reply, exactly like an OOM kill or a
/// node failure. Environment.FailFast would still run some runtime code and write a crash report.
/// </summary>
public static partial class SelfKill
{
    private const int SigKill = 9;

    public static void Now()
    {
        _ = kill(getpid(), SigKill);
        // kill(2) on ourselves with SIGKILL does not return; if it somehow did, do not let the activity complete.
        throw new InvalidOperationException("SIGKILL did not stop the process.");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    [LibraryImport("libc")]
    private static partial int getpid();
}
