using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DaprShop.Actors;
using DaprShop.Workflow.Durability;
using DaprShop.Workflow.Execution;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DaprShop.Workflow.Tests.Crash;

/// <summary>
/// The crash test app (tests/Workflow.CrashApp) and this repo's sidecar, each its own process so a test can SIGKILL
/// either, on a state.sqlite actor store in a temp directory. Ports and the store stay the same across restarts, as
/// they would for a pod whose containers are restarted. Disposing kills both and deletes the directory, and writes
/// the processes' output to the test log (shown when a test fails).
/// </summary>
public sealed class CrashCluster : IAsyncDisposable
{
    /// <summary>Short, so work a crash interrupted is re-driven within a test's time budget.</summary>
    public static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _directory = Directory.CreateTempSubdirectory("workflow-crash").FullName;
    private readonly int _appPort = FreePort();
    private readonly int _sidecarPort = FreePort();
    private readonly ITestOutputHelper _output;
    private readonly List<ChildProcess> _exited = [];
    private readonly ServiceProvider _clientServices;
    private ChildProcess? _sidecar;
    private ChildProcess? _app;

    private CrashCluster(ITestOutputHelper output)
    {
        _output = output;
        var services = new ServiceCollection();
        services.AddActors(options => options.HttpEndpoint = $"http://127.0.0.1:{_sidecarPort}");
        services.AddDaprWorkflow(options => options.AppId = AppId);
        _clientServices = services.BuildServiceProvider();
    }

    /// <summary>Unique per cluster: actor hosts are published machine-wide and another test must not host ours.</summary>
    public string AppId { get; } = "workflow-crash-" + Guid.NewGuid().ToString("N")[..8];

    public DaprWorkflowClient Client => _clientServices.GetRequiredService<DaprWorkflowClient>();

    private string StorePath => Path.Combine(_directory, "state.sqlite");
    private string ResourcesPath => Path.Combine(_directory, "resources");
    private string ExecutionLogPath => Path.Combine(_directory, "executions.log");

    public static async Task<CrashCluster> StartAsync(ITestOutputHelper output, CancellationToken cancellationToken)
    {
        var cluster = new CrashCluster(output);
        try
        {
            await cluster.WriteResourcesAsync(cancellationToken);
            cluster.StartSidecar();
            cluster.StartApp();
            await cluster.WaitUntilServingAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public void KillApp() => Retire(ref _app);

    public void KillSidecar() => Retire(ref _sidecar);

    public void StartApp() =>
        _app = ChildProcess.Start("app", Binary("tests/Workflow.CrashApp", "DaprShop.Workflow.CrashApp.dll"), [], new Dictionary<string, string>
        {
            ["APP_ID"] = AppId,
            ["APP_PORT"] = _appPort.ToString(CultureInfo.InvariantCulture),
            ["DAPR_HTTP_PORT"] = _sidecarPort.ToString(CultureInfo.InvariantCulture),
            ["EXECUTION_LOG"] = ExecutionLogPath,
            ["RECOVERY_INTERVAL"] = RecoveryInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        });

    public void StartSidecar() =>
        _sidecar = ChildProcess.Start("sidecar", Binary("dapr/Sidecar", "daprshop-sidecar.dll"),
        [
            "--app-id", AppId,
            "--app-port", _appPort.ToString(CultureInfo.InvariantCulture),
            "--dapr-http-port", _sidecarPort.ToString(CultureInfo.InvariantCulture),
            "--resources-path", ResourcesPath,
        ], new Dictionary<string, string>());

    /// <summary>Waits for the app to die by itself, e.g. killed by one of its activities.</summary>
    public async Task WaitForAppToDieAsync(CancellationToken cancellationToken)
    {
        await _app!.WaitForExitAsync(cancellationToken);
        Retire(ref _app);
    }

    /// <summary>Until an actor call round-trips test → sidecar → app: both are up and the sidecar hosts the engine's actors.</summary>
    public Task WaitUntilServingAsync(CancellationToken cancellationToken) =>
        PollAsync(async () => await TryGetStateAsync("readiness-probe", cancellationToken) is not null, cancellationToken);

    /// <summary>
    /// Until the instance is terminal. Unlike the client's own wait, a failed call is retried: right after a restart
    /// the sidecar or the app may not answer yet.
    /// </summary>
    public async Task<WorkflowState> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        WorkflowState? state = null;
        await PollAsync(async () => (state = await TryGetStateAsync(instanceId, cancellationToken))?.IsWorkflowCompleted == true, cancellationToken);
        return state!;
    }

    /// <summary>How many times the activity ran for the instance, per the lines the activities appended.</summary>
    public int Executions(string instanceId, string activityName) =>
        !File.Exists(ExecutionLogPath)
            ? 0
            : File.ReadLines(ExecutionLogPath).Count(line => line.StartsWith($"{instanceId}\t{activityName}\t", StringComparison.Ordinal));

    /// <summary>The instance's committed state, read straight from the SQLite file (the client shows no history).</summary>
    public WorkflowRuntimeState ReadCommittedState(string instanceId)
    {
        var actorType = WorkflowActorTypeNames.For(AppId, null).Workflow;
        using var connection = new SqliteConnection($"Data Source={StorePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, is_binary FROM state WHERE key = $key";
        command.Parameters.AddWithValue("$key", $"{AppId}||{actorType}||{instanceId}||state");
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"No committed state for {instanceId}.");
        var value = reader.GetString(0);
        var json = reader.GetBoolean(1) ? Encoding.UTF8.GetString(Convert.FromBase64String(value)) : value;
        return JsonSerializer.Deserialize<WorkflowRuntimeState>(json, WorkflowJson.Options)!;
    }

    /// <summary>Polls until the condition holds; the token is the test's deadline.</summary>
    public static async Task PollAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }

    private async Task<WorkflowState?> TryGetStateAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            return await Client.GetWorkflowStateAsync(instanceId, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is ActorMethodInvocationException or HttpRequestException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Retire(ref _app);
        Retire(ref _sidecar);
        await _clientServices.DisposeAsync();
        foreach (var process in _exited)
        {
            _output.WriteLine($"----- {process.Name} -----");
            _output.WriteLine(process.Output);
        }
        if (File.Exists(ExecutionLogPath))
        {
            _output.WriteLine("----- executions -----");
            _output.WriteLine(await File.ReadAllTextAsync(ExecutionLogPath));
        }
        Directory.Delete(_directory, recursive: true);
    }

    private void Retire(ref ChildProcess? process)
    {
        if (process is null)
        {
            return;
        }
        process.Dispose();
        _exited.Add(process);
        process = null;
    }

    private Task WriteResourcesAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(ResourcesPath);
        return File.WriteAllTextAsync(Path.Combine(ResourcesPath, "actorstore.yaml"), $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: actorstore
            spec:
              type: state.sqlite
              version: v1
              metadata:
              - name: connectionString
                value: "{StorePath}"
              - name: actorStateStore
                value: "true"
            """, cancellationToken);
    }

    /// <summary>A project's build output next to this test assembly's: same configuration and target framework.</summary>
    private static string Binary(string project, string dll)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repository = output;
        while (!File.Exists(Path.Combine(repository.FullName, "DaprShop.sln")))
        {
            repository = repository.Parent ?? throw new InvalidOperationException("DaprShop.sln not found above " + output.FullName);
        }
        var path = Path.Combine(repository.FullName, project, "bin", output.Parent!.Name, output.Name, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
