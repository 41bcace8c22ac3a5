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
                ["sidecar", .. var rest] => await InterruptibleCommand.RunAsync(
                    cancellationToken => SidecarBenchmark.RunAsync(SidecarBenchmarkOptions.Parse(rest), cancellationToken)),
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
}
