namespace DaprShop.Benchmarks;

/// <summary>
/// The processes under test, each separate from the load generator: the app, sidecar B serving it, and sidecar A
/// that a client calls (it also holds the SQLite state store); A and B share one process in the <c>run</c> topology.
/// Lives in a temporary directory (resources, name registry, database) removed afterwards.
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

    public Uri DirectMethodUri => new($"http://127.0.0.1:{App.Ready.HttpPort}/{BenchmarkApp.MethodName}");

    public Uri InvokeThroughSidecarsUri =>
        new($"http://127.0.0.1:{SidecarA.Ready.HttpPort}/v1.0/invoke/{BenchmarkApp.AppId}/method/{BenchmarkApp.MethodName}");

    public Uri StateStoreUri => new($"http://127.0.0.1:{SidecarA.Ready.HttpPort}/v1.0/state/{StateStoreName}");

    public static async Task<BenchmarkTopology> StartAsync(SidecarTopology sidecars, CancellationToken cancellationToken)
    {
        var topology = new BenchmarkTopology(Directory.CreateTempSubdirectory("daprshop-bench-").FullName);
        try
        {
            await topology.StartChildrenAsync(sidecars, cancellationToken);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private async Task StartChildrenAsync(SidecarTopology sidecars, CancellationToken cancellationToken)
    {
        // A registry of this run only, so sidecar A cannot resolve bench-app to a sidecar of another run.
        var environment = new Dictionary<string, string> { ["DAPRSHOP_REGISTRY_DIR"] = Path.Combine(_directory, "registry") };
        var appResources = Directory.CreateDirectory(Path.Combine(_directory, "resources-app")).FullName;
        var clientResources = Directory.CreateDirectory(Path.Combine(_directory, "resources-client")).FullName;
        await File.WriteAllTextAsync(Path.Combine(clientResources, "statestore.yaml"), StateStoreComponent(), cancellationToken);

        _children.Add(await ChildProcess.StartAsync("app", ["serve-app"], environment, cancellationToken));
        if (sidecars == SidecarTopology.Run)
        {
            _children.Add(await ChildProcess.StartAsync(
                "sidecars-a+b",
                SidecarChild.PairArguments(BenchmarkApp.AppId, App.Ready.HttpPort, appResources, ClientAppId, clientResources),
                environment,
                cancellationToken));
            return;
        }
        _children.Add(await ChildProcess.StartAsync(
            "sidecar-b", SidecarChild.Arguments(BenchmarkApp.AppId, App.Ready.HttpPort, appResources), environment, cancellationToken));
        _children.Add(await ChildProcess.StartAsync(
            "sidecar-a", SidecarChild.Arguments(ClientAppId, appPort: null, clientResources), environment, cancellationToken));
    }

    private string StateStoreComponent() => $"""
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
        """;

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
