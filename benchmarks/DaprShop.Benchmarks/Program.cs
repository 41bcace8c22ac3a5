namespace DaprShop.Benchmarks;

/// <summary>
/// <c>sidecar</c>, <c>actors</c>, <c>workflows</c>, <c>shop</c> and <c>checkout</c> run the benchmarks. <c>serve-app</c>, <c>serve-actor-app</c>,
/// <c>serve-workflow-app</c> and <c>serve-sidecar</c> are the modes the benchmarks start their child processes in;
/// they are not meant to be run by hand.
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
                ["actors", .. var rest] => await InterruptibleCommand.RunAsync(
                    cancellationToken => ActorBenchmark.RunAsync(ActorBenchmarkOptions.Parse(rest), cancellationToken)),
                ["workflows", .. var rest] => await InterruptibleCommand.RunAsync(
                    cancellationToken => WorkflowBenchmark.RunAsync(WorkflowBenchmarkOptions.Parse(rest), cancellationToken)),
                ["shop", .. var rest] => await InterruptibleCommand.RunAsync(
                    cancellationToken => ShopBenchmark.RunAsync(ShopBenchmarkOptions.Parse(rest), cancellationToken)),
                ["checkout", .. var rest] => await InterruptibleCommand.RunAsync(
                    cancellationToken => CheckoutBenchmark.RunAsync(CheckoutBenchmarkOptions.Parse(rest), cancellationToken)),
                ["serve-app"] => await BenchmarkApp.ServeAsync(),
                [BenchmarkActorApp.ServeMode, .. var rest] => await BenchmarkActorApp.ServeAsync(rest),
                [BenchmarkWorkflowApp.ServeMode, .. var rest] => await BenchmarkWorkflowApp.ServeAsync(rest),
                ["serve-sidecar", .. var rest] => await SidecarChild.ServeAsync(rest),
                _ => throw new UsageException("unknown command"),
            };
        }
        catch (UsageException error)
        {
            await Console.Error.WriteLineAsync($"{error.Message}\n\n{SidecarBenchmarkOptions.Usage}\n\n{ActorBenchmarkOptions.Usage}\n\n{WorkflowBenchmarkOptions.Usage}\n\n{ShopBenchmarkOptions.Usage}\n\n{CheckoutBenchmarkOptions.Usage}");
            return 2;
        }
    }
}
