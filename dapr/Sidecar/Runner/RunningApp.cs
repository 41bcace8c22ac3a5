using System.ComponentModel;
using DaprShop.Sidecar.Cli;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Runner;

/// <summary>
/// One app of a run: its sidecar (hosted in this process), its command and their logs. Started sidecar first, then
/// the app, as dapr/cli's startDaprdAndAppProcesses does; stopped app first (whole process tree), then the sidecar,
/// so the app can still use its sidecar while it shuts down.
/// </summary>
internal sealed class RunningApp
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly LogSink _daprdLog;

    private RunningApp(AppLaunchPlan plan, SidecarHost sidecar, AppProcess? process, ILoggerFactory loggerFactory, LogSink daprdLog, LogSink? appLog)
    {
        Plan = plan;
        Sidecar = sidecar;
        Process = process;
        _loggerFactory = loggerFactory;
        _daprdLog = daprdLog;
        AppLog = appLog;
    }

    public AppLaunchPlan Plan { get; }

    public string AppId => Plan.App.AppId;

    public SidecarHost Sidecar { get; }

    /// <summary>Null when the template gives the app no command (a sidecar on its own).</summary>
    public AppProcess? Process { get; }

    public LogSink? AppLog { get; }

    /// <summary>The app's exit code once it exits; never completes for an app without a command.</summary>
    public Task<int> Exited => Process?.Exited ?? new TaskCompletionSource<int>().Task;

    /// <exception cref="AppStartException">The sidecar or the command could not be started.</exception>
    public static async Task<RunningApp> StartAsync(
        AppLaunchPlan plan, SharedResources shared, SynchronizedLineWriter console, CancellationToken cancellationToken)
    {
        var app = plan.App;
        var logsDirectory = Path.Combine(app.AppDirPath, ".dapr", "logs");
        var (daprdLog, appLog) = CreateLogs(app, logsDirectory, console);
        var loggerFactory = SidecarLogging.CreateFactory(app.AppId, plan.SidecarLogLevel, daprdLog.WriteLine);

        SidecarHost sidecar;
        try
        {
            sidecar = await SidecarHost.StartAsync(plan.Sidecar, shared, loggerFactory, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            CloseLogs(loggerFactory, daprdLog, appLog);
            throw;
        }
        catch (Exception e)
        {
            // SidecarStartException for resources that cannot be loaded; anything else (a port in use…) the same way.
            CloseLogs(loggerFactory, daprdLog, appLog);
            throw new AppStartException(app.AppId, $"its sidecar failed to start: {e.Message}", daprdLog.Tail());
        }

        console.Info($"Started Dapr with app id \"{app.AppId}\". HTTP Port: {sidecar.HttpPort}. gRPC Port: {plan.DaprGrpcPort}");
        if (daprdLog.FilePath is not null || appLog?.FilePath is not null) console.Info($"Writing log files to directory : {logsDirectory}");
        if (appLog is null)
        {
            console.Warn($"No application command found for app \"{app.AppId}\"; running its sidecar only");
            return new RunningApp(plan, sidecar, null, loggerFactory, daprdLog, null);
        }

        try
        {
            var process = AppProcess.Start(app.Command, app.AppDirPath, plan.AppEnvironment(sidecar.HttpPort), appLog.WriteLine);
            return new RunningApp(plan, sidecar, process, loggerFactory, daprdLog, appLog);
        }
        catch (Win32Exception e)
        {
            await sidecar.DisposeAsync();
            CloseLogs(loggerFactory, daprdLog, appLog);
            throw new AppStartException(app.AppId, $"its command \"{string.Join(' ', app.Command)}\" could not be started: {e.Message}", []);
        }
    }

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Sidecar.WaitUntilReadyAsync(cancellationToken);

    /// <summary>The last lines of the app's output and of its sidecar's log, to explain a failure.</summary>
    public IEnumerable<string> RecentLogLines() => (AppLog?.Tail() ?? []).Concat(_daprdLog.Tail());

    /// <summary>Stops the app's process tree (SIGTERM, SIGKILL after <paramref name="gracePeriod"/>), then the sidecar.</summary>
    public async Task StopAsync(TimeSpan gracePeriod, SynchronizedLineWriter console)
    {
        if (Process is not null)
        {
            var alreadyExited = Process.Exited.IsCompleted;
            await Process.StopAsync(gracePeriod);
            if (!alreadyExited) console.Info($"Exited App \"{AppId}\" (exit code {await Process.Exited})");
        }
        try
        {
            await Sidecar.DisposeAsync();
            console.Info($"Exited Dapr for \"{AppId}\"");
        }
        catch (Exception e)
        {
            console.Error($"Error stopping the sidecar of \"{AppId}\": {e.Message}");
        }
        CloseLogs(_loggerFactory, _daprdLog, AppLog);
    }

    /// <summary>The sidecar's log and, when the app has a command, the app's (without one the CLI creates no app log).</summary>
    private static (LogSink DaprdLog, LogSink? AppLog) CreateLogs(TemplateApp app, string logsDirectory, SynchronizedLineWriter console)
    {
        var startedAt = DateTime.Now.ToString("yyyyMMddHHmmss");
        LogSink? daprdLog = null;
        try
        {
            daprdLog = new LogSink($"== DAPR - {app.AppId} == ", app.DaprdLogDestination, Path.Combine(logsDirectory, $"{app.AppId}_daprd_{startedAt}.log"), console);
            var appLog = app.Command.Count == 0
                ? null
                : new LogSink($"== APP - {app.AppId} == ", app.AppLogDestination, Path.Combine(logsDirectory, $"{app.AppId}_app_{startedAt}.log"), console);
            return (daprdLog, appLog);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            daprdLog?.Dispose();
            throw new AppStartException(app.AppId, $"its log files could not be created in {logsDirectory}: {e.Message}", []);
        }
    }

    private static void CloseLogs(ILoggerFactory loggerFactory, LogSink daprdLog, LogSink? appLog)
    {
        loggerFactory.Dispose();
        daprdLog.Dispose();
        appLog?.Dispose();
    }
}
