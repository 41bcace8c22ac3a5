using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DaprShop.Actors;
using DaprShop.Testing;
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
/// the processes' output to the test log (shown when a test fails). With several hosts, each is an app process behind
/// its own sidecar process, all of one app id on the one store, found by each other through a registry directory of
/// the cluster's own.
/// </summary>
public sealed class CrashCluster : IAsyncDisposable
{
    /// <summary>Short, so work a crash interrupted is re-driven within a test's time budget.</summary>
    public static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _directory = Directory.CreateTempSubdirectory("workflow-crash").FullName;
    private readonly int[] _appPorts;
    private readonly int[] _sidecarPorts;
    private readonly ITestOutputHelper _output;
    private readonly List<ChildProcess> _exited = [];
    private readonly ServiceProvider[] _clientServices;
    private readonly ChildProcess?[] _sidecars;
    private readonly ChildProcess?[] _apps;

    private CrashCluster(ITestOutputHelper output, int hosts)
    {
        _output = output;
        _appPorts = [.. Enumerable.Range(0, hosts).Select(_ => FreePort.Next())];
        _sidecarPorts = [.. Enumerable.Range(0, hosts).Select(_ => FreePort.Next())];
        _sidecars = new ChildProcess?[hosts];
        _apps = new ChildProcess?[hosts];
        _clientServices = [.. _sidecarPorts.Select(sidecarPort =>
        {
            var services = new ServiceCollection();
            services.AddActors(options => options.HttpEndpoint = $"http://127.0.0.1:{sidecarPort}");
            services.AddDaprWorkflow(options => options.AppId = AppId);
            return services.BuildServiceProvider();
        })];
    }

    /// <summary>Unique per cluster, so no other test's sidecar, app or stored state can be taken for ours.</summary>
    public string AppId { get; } = "workflow-crash-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A client of the first host's sidecar.</summary>
    public DaprWorkflowClient Client => ClientOf(0);

    public int HostCount => _apps.Length;

    public DaprWorkflowClient ClientOf(int host) => _clientServices[host].GetRequiredService<DaprWorkflowClient>();

    private string StorePath => Path.Combine(_directory, "state.sqlite");
    private string ResourcesPath => Path.Combine(_directory, "resources");
    private string ExecutionLogPath => Path.Combine(_directory, "executions.log");
    private string RegistryPath => Path.Combine(_directory, "registry");
    private string TurnLogPath => Path.Combine(_directory, "turns");

    public static async Task<CrashCluster> StartAsync(ITestOutputHelper output, CancellationToken cancellationToken, int hosts = 1)
    {
        var cluster = new CrashCluster(output, hosts);
        try
        {
            await cluster.WriteResourcesAsync(cancellationToken);
            for (var host = 0; host < hosts; host++)
            {
                cluster.StartSidecar(host);
                cluster.StartApp(host);
            }
            await cluster.WaitUntilServingAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public void KillApp(int host = 0) => Retire(ref _apps[host]);

    public void KillSidecar(int host = 0) => Retire(ref _sidecars[host]);

    public void StartApp(int host = 0) =>
        _apps[host] = ChildProcess.Start($"app {host}", Binary("tests/Workflow.CrashApp", "DaprShop.Workflow.CrashApp.dll"), [], new Dictionary<string, string>
        {
            ["APP_ID"] = AppId,
            ["APP_PORT"] = _appPorts[host].ToString(CultureInfo.InvariantCulture),
            ["DAPR_HTTP_PORT"] = _sidecarPorts[host].ToString(CultureInfo.InvariantCulture),
            ["EXECUTION_LOG"] = ExecutionLogPath,
            ["TURN_LOG"] = Directory.CreateDirectory(TurnLogPath).FullName,
            ["RECOVERY_INTERVAL"] = RecoveryInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        });

    public void StartSidecar(int host = 0) =>
        _sidecars[host] = ChildProcess.Start($"sidecar {host}", Binary("dapr/Sidecar", "daprshop-sidecar.dll"),
        [
            "--app-id", AppId,
            "--app-port", _appPorts[host].ToString(CultureInfo.InvariantCulture),
            "--dapr-http-port", _sidecarPorts[host].ToString(CultureInfo.InvariantCulture),
            "--resources-path", ResourcesPath,
        ], new Dictionary<string, string> { ["DAPRSHOP_REGISTRY_DIR"] = RegistryPath });

    /// <summary>Waits for the app to die by itself, e.g. killed by one of its activities.</summary>
    public async Task WaitForAppToDieAsync(CancellationToken cancellationToken)
    {
        await _apps[0]!.WaitForExitAsync(cancellationToken);
        Retire(ref _apps[0]);
    }

    /// <summary>Until an actor call round-trips test → sidecar → app on every host: all are up and host the engine's actors.</summary>
    public Task WaitUntilServingAsync(CancellationToken cancellationToken) =>
        PollAsync(async () =>
        {
            foreach (var host in Enumerable.Range(0, HostCount))
            {
                if (await TryGetStateAsync(ClientOf(host), "readiness-probe", cancellationToken) is null)
                {
                    return false;
                }
            }
            return true;
        }, cancellationToken);

    /// <summary>
    /// Until every sidecar places the workflow actors on the same hosts and every host owns some: each sidecar reads the
    /// registry directory on its own schedule, and until both have seen both registrations an id can have two owners.
    /// Probes ids through every sidecar and reads which app process ran each call from the turn log.
    /// </summary>
    public Task WaitUntilPlacementAgreesAsync(CancellationToken cancellationToken) =>
        PollAsync(async () =>
        {
            var owners = new HashSet<int>();
            foreach (var probe in Enumerable.Range(0, 8).Select(index => $"placement-probe-{index}"))
            {
                var ranOn = new HashSet<int>();
                foreach (var host in Enumerable.Range(0, HostCount))
                {
                    if (await TryGetStateAsync(ClientOf(host), probe, cancellationToken) is null)
                    {
                        return false;
                    }
                    // Calls are sequential and the app logs a turn before answering, so the latest is this call's.
                    ranOn.Add(Turns().Where(turn => turn.InstanceId == probe).MaxBy(turn => turn.Enter)!.Pid);
                }
                if (ranOn.Count != 1)
                {
                    return false;
                }
                owners.UnionWith(ranOn);
            }
            return owners.Count == HostCount;
        }, cancellationToken);

    /// <summary>Every workflow-actor turn the app processes recorded (see the crash app's TurnLog).</summary>
    public IReadOnlyList<Turn> Turns() =>
        !Directory.Exists(TurnLogPath)
            ? []
            : [.. Directory.EnumerateFiles(TurnLogPath).SelectMany(ReadLinesShared).Select(Turn.Parse)];

    public sealed record Turn(string InstanceId, int Pid, long Enter, long Exit)
    {
        public static Turn Parse(string line)
        {
            var fields = line.Split('\t');
            return new Turn(fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[2], CultureInfo.InvariantCulture), long.Parse(fields[3], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Until the instance is terminal. Unlike the client's own wait, a failed call is retried: right after a restart
    /// the sidecar or the app may not answer yet.
    /// </summary>
    public async Task<WorkflowState> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        WorkflowState? state = null;
        await PollAsync(async () => (state = await TryGetStateAsync(Client, instanceId, cancellationToken))?.IsWorkflowCompleted == true, cancellationToken);
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

    private static async Task<WorkflowState?> TryGetStateAsync(DaprWorkflowClient client, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetWorkflowStateAsync(instanceId, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is ActorMethodInvocationException or HttpRequestException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var host = 0; host < HostCount; host++)
        {
            Retire(ref _apps[host]);
            Retire(ref _sidecars[host]);
            await _clientServices[host].DisposeAsync();
        }
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

    private Task WriteResourcesAsync(CancellationToken cancellationToken) =>
        TestComponents.WriteActorStateStoreAsync(ResourcesPath, StorePath, "actorstore", cancellationToken);

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

    /// <summary>The lines of a file an app process may be appending to; a torn last line is left for the next read.</summary>
    private static IEnumerable<string> ReadLinesShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

}
