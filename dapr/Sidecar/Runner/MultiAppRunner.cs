using System.Diagnostics;
using DaprShop.Sidecar.Cli;
using DaprShop.Sidecar.Components;

namespace DaprShop.Sidecar.Runner;

internal sealed record MultiAppRunnerOptions
{
    /// <summary>Skip the one solution build before .NET apps that start from build output (see <see cref="SolutionBuild"/>).</summary>
    public bool SkipBuild { get; init; }

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long app processes get between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The runner's environment: inherited by apps, read for tokens, HOME and DAPR_RUNTIME_PATH.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}

/// <summary>
/// The stand-in for <c>dapr run -f</c> (dapr/cli cmd/run.go executeRun): one sidecar per app hosted in this process
/// (sharing one <see cref="SharedResources"/>, so an in-memory broker is shared by the run), each app's command
/// started next to it, then a wait until every sidecar reports ready. Unlike the CLI, which only prints that an app
/// exited, the run stops with exit code 1 when an app exits or fails to become ready — the way single-app
/// <c>dapr run</c> stops when its app exits — so a broken app is never mistaken for a working system.
/// Exit codes: 0 after a stop request (signal, POST /v1.0/shutdown), 1 on any failure.
/// </summary>
internal sealed class MultiAppRunner(MultiAppTemplate template, MultiAppRunnerOptions options, TextWriter output)
{
    private readonly SynchronizedLineWriter _console = new(output);

    public async Task<int> RunAsync(CancellationToken stopRequested)
    {
        var clock = Stopwatch.StartNew();
        if (!options.SkipBuild && SolutionBuild.IsNeeded(template))
        {
            if (SolutionBuild.FindSolution(Path.GetDirectoryName(template.FilePath)!) is { } solution)
            {
                if (!await SolutionBuild.RunAsync(solution, _console, stopRequested)) return stopRequested.IsCancellationRequested ? 0 : 1;
            }
            else
            {
                _console.Warn($"Apps start from .NET build output but no solution was found at or above {Path.GetDirectoryName(template.FilePath)}; nothing was built");
            }
        }

        IReadOnlyList<AppLaunchPlan> plans;
        try
        {
            plans = AppLaunchPlan.CreateAll(template.Apps, options.Environment);
        }
        catch (TemplateException e)
        {
            _console.Error($"Error in run template {template.FilePath}: {e.Message}");
            return 1;
        }

        await using var shared = new SharedResources();
        var apps = new List<RunningApp>();
        try
        {
            foreach (var plan in plans)
            {
                _console.Info($"Validating config and starting app \"{plan.App.AppId}\"");
                apps.Add(await RunningApp.StartAsync(plan, shared, _console, stopRequested));
            }
            if (await WaitUntilReadyAsync(apps, stopRequested) is { } failedExitCode) return failedExitCode;
            ReadySummary.Write(apps, clock.Elapsed, _console);
            return await SuperviseAsync(apps, stopRequested);
        }
        catch (AppStartException e)
        {
            _console.Error(e.Message);
            PrintRecentLines(e.AppId, e.RecentLogLines);
            return 1;
        }
        catch (OperationCanceledException) when (stopRequested.IsCancellationRequested)
        {
            return SignalReceived();
        }
        finally
        {
            await Task.WhenAll(apps.Select(app => app.StopAsync(options.StopGracePeriod, _console)));
        }
    }

    /// <summary>Null once every app is ready; otherwise the exit code, after reporting what went wrong.</summary>
    private async Task<int?> WaitUntilReadyAsync(IReadOnlyList<RunningApp> apps, CancellationToken stopRequested)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(stopRequested);
        startup.CancelAfter(options.StartupTimeout);
        var failure = new TaskCompletionSource<(RunningApp App, Exception Error)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var readiness = apps.ToDictionary(app => app, app => ReadyOrReportAsync(app, failure, startup.Token));
        var allReady = Task.WhenAll(readiness.Values);
        var exited = FirstExitedAsync(apps);
        var shutdown = FirstShutdownRequestAsync(apps);

        var first = await Task.WhenAny(allReady, exited, shutdown, failure.Task);
        if (first == exited)
        {
            var app = await exited;
            _console.Error($"App \"{app.AppId}\" exited with code {await app.Exited} before it was ready");
            PrintRecentLines(app.AppId, app.RecentLogLines());
            return 1;
        }
        if (first == shutdown) return ShutdownRequested(await shutdown);
        if (first == failure.Task)
        {
            var (app, error) = await failure.Task;
            _console.Error($"App \"{app.AppId}\" failed to start: {error.Message}");
            PrintRecentLines(app.AppId, app.RecentLogLines());
            return 1;
        }
        if (allReady.IsCompletedSuccessfully) return null;

        stopRequested.ThrowIfCancellationRequested();
        foreach (var app in apps.Where(app => !readiness[app].IsCompletedSuccessfully))
        {
            var waitingFor = app.Plan.App.AppPort > 0 ? $"its sidecar is not ready; is the app listening on port {app.Plan.App.AppPort}?" : "its sidecar is not ready";
            _console.Error($"App \"{app.AppId}\" was not ready within {options.StartupTimeout.TotalSeconds:0}s: {waitingFor}");
            PrintRecentLines(app.AppId, app.RecentLogLines());
        }
        return 1;
    }

    private static async Task ReadyOrReportAsync(RunningApp app, TaskCompletionSource<(RunningApp, Exception)> failure, CancellationToken startup)
    {
        try
        {
            await app.WaitUntilReadyAsync(startup);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure.TrySetResult((app, e));
            throw;
        }
    }

    /// <summary>Runs until a signal, an app exit or a sidecar shutdown request; returns the exit code.</summary>
    private async Task<int> SuperviseAsync(IReadOnlyList<RunningApp> apps, CancellationToken stopRequested)
    {
        var signal = stopRequested.WhenCancelled();
        var exited = FirstExitedAsync(apps);
        var shutdown = FirstShutdownRequestAsync(apps);
        var first = await Task.WhenAny(signal, exited, shutdown);
        if (first == shutdown) return ShutdownRequested(await shutdown);
        if (first == exited)
        {
            var app = await exited;
            _console.Error($"App \"{app.AppId}\" exited with code {await app.Exited}; stopping all apps");
            return 1;
        }
        return SignalReceived();
    }

    private int SignalReceived()
    {
        _console.Info("Received signal to stop Dapr and app processes. Shutting down Dapr and app processes.");
        return 0;
    }

    private int ShutdownRequested(RunningApp app)
    {
        _console.Info($"The sidecar of \"{app.AppId}\" received a shutdown request (POST /v1.0/shutdown); stopping all apps");
        return 0;
    }

    private void PrintRecentLines(string appId, IEnumerable<string> lines)
    {
        var recent = lines.ToList();
        if (recent.Count == 0) return;
        _console.Error($"Last log lines of \"{appId}\":");
        foreach (var line in recent) _console.WriteLine("    " + line);
    }

    private static Task<RunningApp> FirstExitedAsync(IReadOnlyList<RunningApp> apps) => FirstAsync(apps, app => app.Exited);

    private static Task<RunningApp> FirstShutdownRequestAsync(IReadOnlyList<RunningApp> apps) => FirstAsync(apps, app => app.Sidecar.ShutdownRequested);

    /// <summary>The first app whose <paramref name="event"/> completes.</summary>
    private static async Task<RunningApp> FirstAsync(IReadOnlyList<RunningApp> apps, Func<RunningApp, Task> @event) =>
        await await Task.WhenAny(apps.Select(async app =>
        {
            await @event(app);
            return app;
        }));
}
