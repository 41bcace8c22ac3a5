using System.Runtime.InteropServices;

namespace DaprShop.Benchmarks;

/// <summary>Runs a benchmark command so that Ctrl+C or SIGTERM stops it and every process it started.</summary>
public static class InterruptibleCommand
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> command)
    {
        using var interrupted = new CancellationTokenSource();
        // The first Ctrl+C or SIGTERM ends the run through cancellation, so the children are stopped and the temp
        // directory removed by disposal; a second one ends the process at once and leaves the children to
        // ChildProcessReaper.
        Action<PosixSignalContext> stop = signal =>
        {
            signal.Cancel = !interrupted.IsCancellationRequested;
            interrupted.Cancel();
        };
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, stop);
        try
        {
            return await command(interrupted.Token);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("\nInterrupted; no report.");
            return 130;
        }
    }
}
