namespace DaprShop.Benchmarks;

/// <summary>
/// The processes under test, each separate from the load generator: the app, sidecar B serving it, and sidecar A
/// that a client calls (it also holds the SQLite state store; with an actor app, B holds it too, as the actor state
/// store of both); A and B share one process in the <c>run</c> topology. Lives in a temporary directory (resources,
/// name registry, database) removed afterwards.
/// </summary>
public sealed class BenchmarkTopology : IAsyncDisposable
{
    public const string ClientAppId = "bench-client";
    public const string StateStoreName = "statestore";
    public const string StateStoreType = "state.sqlite";
    public const string LoadGeneratorName = "load generator";

    private readonly string _directory;
    private readonly List<ChildProcess> _children = [];

    private BenchmarkTopology(string directory) => _directory = directory;

    /// <summary>In the order a request through the sidecars meets them: sidecar A, sidecar B, the app.</summary>
    public IEnumerable<ChildProcess> Children => Enumerable.Reverse(_children);

    private ChildProcess App => _children[0];
    /// <summary>The process of sidecar A, the last one started.</summary>
    private ChildProcess SidecarA => _children[^1];

    /// <summary>Sidecar A's HTTP API, where the load generator sends what goes through the sidecars.</summary>
    public Uri CallerSidecarUri => new($"http://127.0.0.1:{SidecarA.Ready.HttpPort}/");

    public Uri DirectMethodUri => new($"http://127.0.0.1:{App.Ready.HttpPort}/{BenchmarkApp.MethodName}");

    public Uri InvokeThroughSidecarsUri =>
        new(CallerSidecarUri, $"v1.0/invoke/{BenchmarkApp.AppId}/method/{BenchmarkApp.MethodName}");

    public Uri StateStoreUri => new(CallerSidecarUri, $"v1.0/state/{StateStoreName}");

    public static async Task<BenchmarkTopology> StartAsync(ServedApp app, SidecarTopology sidecars, CancellationToken cancellationToken)
    {
        var topology = new BenchmarkTopology(Directory.CreateTempSubdirectory("daprshop-bench-").FullName);
        try
        {
            await topology.StartChildrenAsync(app, sidecars, cancellationToken);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private async Task StartChildrenAsync(ServedApp app, SidecarTopology sidecars, CancellationToken cancellationToken)
    {
        // A registry of this run only, so sidecar A cannot resolve the app id to a sidecar of another run.
        var environment = new Dictionary<string, string> { ["DAPRSHOP_REGISTRY_DIR"] = Path.Combine(_directory, "registry") };
        var appResources = Directory.CreateDirectory(Path.Combine(_directory, "resources-app")).FullName;
        var clientResources = Directory.CreateDirectory(Path.Combine(_directory, "resources-client")).FullName;
        await File.WriteAllTextAsync(Path.Combine(clientResources, "statestore.yaml"), StateStoreComponent(app.HostsActors), cancellationToken);
        if (app.HostsActors) await File.WriteAllTextAsync(Path.Combine(appResources, "statestore.yaml"), StateStoreComponent(actorStateStore: true), cancellationToken);

        // The actor app calls its sidecar, which starts after it (the sidecar waits for the app's port), so B's HTTP
        // port is fixed beforehand and given to both.
        int? appSidecarHttpPort = app.HostsActors ? FreeLoopbackPort.Find() : null;
        IReadOnlyList<string> appArguments = appSidecarHttpPort is { } daprHttpPort
            ? [app.ServeMode, "--dapr-http-port", daprHttpPort.ToString()]
            : [app.ServeMode];
        _children.Add(await ChildProcess.StartAsync("app", appArguments, environment, cancellationToken));
        var appSidecar = new SidecarChild.Settings(app.AppId, App.Ready.HttpPort, appSidecarHttpPort, appResources);
        var callerSidecar = new SidecarChild.Settings(ClientAppId, AppPort: null, DaprHttpPort: null, clientResources);
        if (sidecars == SidecarTopology.Run)
        {
            _children.Add(await ChildProcess.StartAsync("sidecars-a+b", SidecarChild.PairArguments(appSidecar, callerSidecar), environment, cancellationToken));
            return;
        }
        _children.Add(await ChildProcess.StartAsync("sidecar-b", SidecarChild.Arguments(appSidecar), environment, cancellationToken));
        _children.Add(await ChildProcess.StartAsync("sidecar-a", SidecarChild.Arguments(callerSidecar), environment, cancellationToken));
    }

    /// <summary>With actors, both sidecars' actor state store is one database, as every sidecar of a Dapr cluster shares one.</summary>
    private string StateStoreComponent(bool actorStateStore) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {StateStoreName}
        spec:
          type: {StateStoreType}
          version: v1
          metadata:
            - name: connectionString
              value: "{Path.Combine(_directory, "state.db")}"
        {(actorStateStore ? ActorStateStoreFlag : "")}
        """;

    private const string ActorStateStoreFlag = """
            - name: actorStateStore
              value: "true"
        """;

    /// <summary>The GC mode each process runs with, by process name, in the order a request meets them.</summary>
    public Dictionary<string, string> ProcessGc(MachineDescription machine)
    {
        var processGc = new Dictionary<string, string> { [LoadGeneratorName] = machine.LoadGeneratorGc };
        foreach (var child in Children) processGc[child.Name] = MachineDescription.DescribeGc(child.Ready.ServerGc, child.Ready.ConcurrentGc);
        return processGc;
    }

    /// <summary>Snapshots of every process's counters, the load generator's own included.</summary>
    public async Task<Dictionary<string, ProcessCounters>> ReadCountersAsync(CancellationToken cancellationToken)
    {
        var counters = new Dictionary<string, ProcessCounters> { [LoadGeneratorName] = ProcessCounters.Capture() };
        foreach (var child in Children) counters[child.Name] = await child.ReadCountersAsync(cancellationToken);
        return counters;
    }

    public async ValueTask DisposeAsync()
    {
        // Callers first: a sidecar outliving its app would log connection errors.
        for (var index = _children.Count - 1; index >= 0; index--) await _children[index].DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the report over it is not.
        }
    }
}
