using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Cli;

/// <summary>
/// One sidecar from daprd flags: start it, say when it is ready, and run until SIGINT/SIGTERM or
/// POST /v1.0/shutdown. Exit code 1 when the sidecar cannot start, as daprd exits on a fatal start-up error.
/// </summary>
internal static class SingleSidecarCommand
{
    public static async Task<int> RunAsync(DaprdArguments arguments, TextWriter output, CancellationToken stopRequested)
    {
        var console = new SynchronizedLineWriter(output);
        var options = arguments.Options;
        using var loggerFactory = SidecarLogging.CreateFactory(options.AppId, arguments.LogLevel, console.WriteLine);
        var log = loggerFactory.CreateLogger("dapr.runtime");
        foreach (var flag in arguments.IgnoredFlags.Distinct())
            log.LogWarning("Flag {Flag} is accepted for compatibility with daprd and has no effect in this sidecar", flag);

        await using var shared = new SharedResources();
        SidecarHost host;
        try
        {
            host = await SidecarHost.StartAsync(options, shared, loggerFactory, stopRequested);
        }
        catch (OperationCanceledException) when (stopRequested.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e)
        {
            // SidecarStartException for resources that cannot be loaded; anything else (a port in use…) is as fatal.
            log.LogCritical("Fatal error from runtime: {Message}", e.Message);
            return 1;
        }

        await using (host)
        {
            using var running = CancellationTokenSource.CreateLinkedTokenSource(stopRequested);
            var announcement = AnnounceWhenReadyAsync(host, log, running.Token);
            var stopped = await Task.WhenAny(host.ShutdownRequested, stopRequested.WhenCancelled());
            log.LogInformation(stopped == host.ShutdownRequested
                ? "Shutdown requested through the API; stopping the sidecar"
                : "Received signal; stopping the sidecar");
            await running.CancelAsync();
            await announcement;
        }
        return 0;
    }

    private static async Task AnnounceWhenReadyAsync(SidecarHost host, ILogger log, CancellationToken running)
    {
        try
        {
            await host.WaitUntilReadyAsync(running);
            log.LogInformation("You're up and running! Dapr logs will appear here.");
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "The sidecar did not become ready");
        }
    }
}
