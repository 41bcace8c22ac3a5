using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>
/// Actor types of the suite. Names carry a per-run suffix: hosted types are published in the machine-wide sidecar
/// registry, and another test run on this machine must not be picked as their host.
/// </summary>
internal static class ActorTypes
{
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];

    public static readonly string Counter = "counter-" + Run;     // defaults: no reentrancy, idle 60m
    public static readonly string Other = "other-" + Run;         // a second type, for state isolation
    public static readonly string Reentrant = "reentrant-" + Run; // reentrancy on, maxStackDepth 3
    public static readonly string Idle = "idle-" + Run;           // actorIdleTimeout 300ms
    public static readonly string Own = "own-" + Run;             // hosted only by sidecars a test starts for itself
    public static readonly string Unhosted = "unhosted-" + Run;   // no app hosts it

    public const int MaxStackDepth = 3;

    public static string AppConfig(params string[] entities) => JsonSerializer.Serialize(new
    {
        entities,
        actorIdleTimeout = "1h",
        drainOngoingCallTimeout = "1s",
        entitiesConfig = new object[]
        {
            new { entities = new[] { Reentrant }, reentrancy = new { enabled = true, maxStackDepth = MaxStackDepth } },
            new { entities = new[] { Idle }, actorIdleTimeout = "300ms" },
        },
    });
}

/// <summary>
/// The actor world: an actor state store on SQLite, a host sidecar whose app hosts the suite's types, a caller sidecar
/// without an app, and a sidecar whose resources have no actor state store. All in one process, like a multi-app run.
/// </summary>
public sealed class ActorFixture : IAsyncLifetime
{
    internal const string HostAppId = "actors-host";
    internal const string CallerAppId = "actors-caller";
    internal const string PlainAppId = "actors-plain";

    private readonly TempDirectory _directory = new("actors");
    private readonly SharedResources _shared = new();
    private readonly List<IAsyncDisposable> _started = [];

    internal ActorApp App { get; private set; } = null!;
    internal SidecarUnderTest Host { get; private set; } = null!;
    internal SidecarUnderTest Caller { get; private set; } = null!;
    internal SidecarUnderTest Plain { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var actorResources = WriteActorResources(_directory, "resources");
        var plainResources = _directory.Sub("plain");
        _directory.Write("plain/state.yaml", ResourceYaml.Component("statestore", "state.in-memory"));
        try
        {
            App = Track(await ActorApp.StartAsync(ActorTypes.AppConfig(ActorTypes.Counter, ActorTypes.Other, ActorTypes.Reentrant, ActorTypes.Idle)));
            Host = Track(await SidecarUnderTest.StartAsync(Options(HostAppId, actorResources, App.Port), _shared));
            Caller = Track(await SidecarUnderTest.StartAsync(Options(CallerAppId, actorResources, appPort: null), _shared));
            Plain = Track(await SidecarUnderTest.StartAsync(Options(PlainAppId, plainResources, appPort: null), _shared));
            await Task.WhenAll(Host.WaitUntilReadyAsync(), Caller.WaitUntilReadyAsync(), Plain.WaitUntilReadyAsync());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A SQLite actor state store (actorStateStore: "true") in <paramref name="directory"/>.</summary>
    internal static string WriteActorResources(TempDirectory directory, string name)
    {
        var resources = directory.Sub(name);
        directory.Write($"{name}/actorstore.yaml", ResourceYaml.Component("actorstore", "state.sqlite",
            [("connectionString", Path.Combine(directory.Path, name + ".db")), ("actorStateStore", "true")]));
        return resources;
    }

    internal static SidecarOptions Options(string appId, string resources, int? appPort) => new()
    {
        AppId = appId,
        AppPort = appPort,
        ResourcesPaths = [resources],
        DaprHttpPort = 0,
        DaprInternalPort = 0,
    };

    private T Track<T>(T started) where T : IAsyncDisposable
    {
        _started.Add(started);
        return started;
    }

    public async Task DisposeAsync()
    {
        foreach (var started in Enumerable.Reverse(_started)) await started.DisposeAsync();
        _started.Clear();
        await _shared.DisposeAsync();
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ActorCollection : ICollectionFixture<ActorFixture>
{
    public const string Name = "Sidecar actors";
}
