using System.Runtime.InteropServices;

namespace DaprShop.Benchmarks;

/// <summary>
/// <c>sidecar</c> runs the sidecar benchmark. <c>serve-app</c> and <c>serve-sidecar</c> are the modes the
/// benchmark starts its child processes in; they are not meant to be run by hand.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["sidecar", .. var rest] => await RunSidecarBenchmarkAsync(rest),
                ["serve-app"] => await BenchmarkApp.ServeAsync(),
                ["serve-sidecar", .. var rest] => await SidecarChild.ServeAsync(rest),
                _ => throw new UsageException("unknown command"),
            };
        }
        catch (UsageException error)
        {
            await Console.Error.WriteLineAsync($"{error.Message}\n\n{SidecarBenchmarkOptions.Usage}");
            return 2;
        }
    }

    private static async Task<int> RunSidecarBenchmarkAsync(string[] arguments)
    {
        var options = SidecarBenchmarkOptions.Parse(arguments);
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
            return await SidecarBenchmark.RunAsync(options, interrupted.Token);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("\nInterrupted; no report.");
            return 130;
        }
    }
}
