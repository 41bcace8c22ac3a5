using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>Names shared by the fixture's resources and the tests.</summary>
internal static class Names
{
    public const string AppA = "conf-a";     // has the recording app; subscriber of most topics
    public const string AppB = "conf-b";     // no app: a pure client / publisher / caller
    public const string AppC = "conf-c";     // two instances (competing consumers), each with its own app

    public const string StateStore = "statestore";      // state.in-memory
    public const string Sqlite = "sqlite";              // state.sqlite, keyPrefix default (appid)
    public const string SqliteNoPrefix = "sqlite-none"; // same file and table, keyPrefix none
    public const string SqliteNamePrefix = "sqlite-name"; // same file and table, keyPrefix name
    public const string PubSub = "pubsub";              // pubsub.in-memory
    public const string FileSecrets = "localsecrets";   // secretstores.local.file (nested values flattened)
    public const string MultiValuedSecrets = "localsecrets-multi";
    public const string EnvSecrets = "envsecrets";      // secretstores.local.env with a prefix
    public const string Files = "files";                // bindings.localstorage
    public const string Cron = "tick";                  // bindings.cron @every 1s, scoped to conf-a
}

internal static class Topics
{
    public const string Envelope = "envelope";
    public const string Slashed = "orders/eu/created";
    public const string Routed = "routed";
    public const string Answers = "answers";
    public const string AnswersDeadLetter = "answers-dlq";
    public const string RetryWithoutDeadLetter = "retry-nodlq";
    public const string Declarative = "declarative";
    public const string DeclarativeDeadLetter = "declarative-dlq";
    public const string FanOut = "fanout";
    public const string Slow = "slow";
    public const string Fast = "fast";
    public const string Ttl = "ttl";
    public const string RawSubscription = "raw-sub";
    public const string NonJson = "nonjson";
    public const string NonJsonDeadLetter = "nonjson-dlq";   // subscribed with rawPayload=true so any bytes reach the app
    public const string RulesOnly = "rules-only";            // rules but no default route; dead letters to answers-dlq

    /// <summary>The route each programmatic subscription of the test apps uses: /events/{topic}.</summary>
    public static string Route(string topic) => "/events/" + topic.Replace('/', '-');
}

/// <summary>
/// The shared world of the conformance suite: one resources directory (every component type, a declarative
/// Subscription, a Resiliency policy), real recording apps on free loopback ports, and four sidecars in one process
/// sharing one <see cref="SharedResources"/>: conf-a (with app), conf-b (no app) and two conf-c instances (with apps).
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    /// <summary>Inbound retry policy for the pubsub (Resiliency below): 1 attempt + 2 retries, 50 ms apart.</summary>
    internal const int InboundAttempts = 3;

    /// <summary>Retry policy for invocations of conf-c (Resiliency below): 1 attempt + 2 retries, 50 ms apart.</summary>
    internal const int InvocationAttempts = 3;

    internal const string SecretsJson = """
        {
          "redisPassword": "pw",
          "db": { "user": "u", "pass": "p" },
          "mysql": { "conn": { "host": "h", "port": "3306" } },
          "list": [ "first", "second" ]
        }
        """;

    private readonly TempDirectory _directory = new("main");
    private readonly SharedResources _shared = new();
    private readonly List<IAsyncDisposable> _started = [];

    internal RecordingApp AppOfA { get; private set; } = null!;
    internal RecordingApp AppOfC1 { get; private set; } = null!;
    internal RecordingApp AppOfC2 { get; private set; } = null!;
    internal SidecarUnderTest A { get; private set; } = null!;
    internal SidecarUnderTest B { get; private set; } = null!;
    internal SidecarUnderTest C1 { get; private set; } = null!;
    internal SidecarUnderTest C2 { get; private set; } = null!;

    internal string SqliteFile => Path.Combine(_directory.Path, "state", "state.db");
    internal string FilesRoot => Path.Combine(_directory.Path, "files");

    /// <summary>Prefix of the env secret store; unique per run so no real variable of the machine matches it.</summary>
    internal string EnvPrefix { get; } = $"CONFTEST_{Guid.NewGuid():N}"[..17].ToUpperInvariant() + "_";

    internal IReadOnlyDictionary<string, string> EnvSecretValues => new Dictionary<string, string>
    {
        ["DB_PASSWORD"] = "env-pw",
        ["API_KEY"] = "env-key",
    };

    public async Task InitializeAsync()
    {
        foreach (var (name, value) in EnvSecretValues) Environment.SetEnvironmentVariable(EnvPrefix + name, value);
        var resources = WriteResources();
        try
        {
            AppOfA = Track(await RecordingApp.StartAsync("app-a", SubscriptionsOfA()));
            AppOfC1 = Track(await RecordingApp.StartAsync("app-c1", SubscriptionsOfC()));
            AppOfC2 = Track(await RecordingApp.StartAsync("app-c2", SubscriptionsOfC()));
            A = Track(await SidecarUnderTest.StartAsync(Options(Names.AppA, resources, AppOfA.Port), _shared));
            B = Track(await SidecarUnderTest.StartAsync(Options(Names.AppB, resources, appPort: null), _shared));
            C1 = Track(await SidecarUnderTest.StartAsync(Options(Names.AppC, resources, AppOfC1.Port), _shared));
            C2 = Track(await SidecarUnderTest.StartAsync(Options(Names.AppC, resources, AppOfC2.Port), _shared));
            await Task.WhenAll(A.WaitUntilReadyAsync(), B.WaitUntilReadyAsync(), C1.WaitUntilReadyAsync(), C2.WaitUntilReadyAsync());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private T Track<T>(T started) where T : IAsyncDisposable
    {
        _started.Add(started);
        return started;
    }

    private static SidecarOptions Options(string appId, string resources, int? appPort) => new()
    {
        AppId = appId,
        AppPort = appPort,
        ResourcesPaths = [resources],
        DaprHttpPort = 0,
        DaprInternalPort = 0,
    };

    private string WriteResources()
    {
        var secretsFile = _directory.Write("secrets/secrets.json", SecretsJson);
        var resources = _directory.Sub("resources");
        _directory.Sub("state");
        var sqliteApps = new[] { Names.AppA, Names.AppB };

        _directory.Write("resources/statestore.yaml", ResourceYaml.Component(Names.StateStore, "state.in-memory"));
        // Three components on ONE SQLite file and table: what differs is only how daprd prefixes keys (§2.8).
        _directory.Write("resources/sqlite.yaml", ResourceYaml.Documents(
            ResourceYaml.Component(Names.Sqlite, "state.sqlite", [("connectionString", SqliteFile)], sqliteApps),
            ResourceYaml.Component(Names.SqliteNoPrefix, "state.sqlite", [("connectionString", SqliteFile), ("keyPrefix", "none")], sqliteApps),
            ResourceYaml.Component(Names.SqliteNamePrefix, "state.sqlite", [("connectionString", SqliteFile), ("keyPrefix", "name")], sqliteApps)));
        _directory.Write("resources/pubsub.yaml", ResourceYaml.Component(Names.PubSub, "pubsub.in-memory"));
        _directory.Write("resources/secrets.yaml", ResourceYaml.Documents(
            ResourceYaml.Component(Names.FileSecrets, "secretstores.local.file", [("secretsFile", secretsFile)]),
            ResourceYaml.Component(Names.MultiValuedSecrets, "secretstores.local.file", [("secretsFile", secretsFile), ("multiValued", "true")]),
            ResourceYaml.Component(Names.EnvSecrets, "secretstores.local.env", [("prefix", EnvPrefix)])));
        _directory.Write("resources/bindings.yaml", ResourceYaml.Documents(
            ResourceYaml.Component(Names.Files, "bindings.localstorage", [("rootPath", FilesRoot), ("direction", "output")]),
            ResourceYaml.Component(Names.Cron, "bindings.cron", [("schedule", "@every 1s"), ("direction", "input")], [Names.AppA])));
        _directory.Write("resources/subscription.yaml", $$"""
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: declarative-sub
            spec:
              pubsubname: {{Names.PubSub}}
              topic: {{Topics.Declarative}}
              routes:
                rules:
                  - match: event.type == "com.example.special"
                    path: /declarative/special
                default: /declarative/default
              deadLetterTopic: {{Topics.DeclarativeDeadLetter}}
            scopes:
              - {{Names.AppA}}
            """);
        _directory.Write("resources/resiliency.yaml", $$"""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: conformance-resiliency
            spec:
              policies:
                retries:
                  inboundRetry:
                    policy: constant
                    duration: 50ms
                    maxRetries: {{InboundAttempts - 1}}
                  appRetry:
                    policy: constant
                    duration: 50ms
                    maxRetries: {{InvocationAttempts - 1}}
              targets:
                apps:
                  {{Names.AppC}}:
                    retry: appRetry
                components:
                  {{Names.PubSub}}:
                    inbound:
                      retry: inboundRetry
            """);
        return resources;
    }

    private static string SubscriptionsOfA() => JsonSerializer.Serialize(new object[]
    {
        Programmatic(Topics.Envelope),
        Programmatic(Topics.Slashed),
        new
        {
            pubsubname = Names.PubSub,
            topic = Topics.Routed,
            routes = new
            {
                rules = new[] { new { match = "event.type == \"com.example.priority\"", path = Topics.Route(Topics.Routed) + "/priority" } },
                @default = Topics.Route(Topics.Routed) + "/default",
            },
        },
        new { pubsubname = Names.PubSub, topic = Topics.Answers, route = Topics.Route(Topics.Answers), deadLetterTopic = Topics.AnswersDeadLetter },
        Programmatic(Topics.AnswersDeadLetter),
        Programmatic(Topics.RetryWithoutDeadLetter),
        Programmatic(Topics.DeclarativeDeadLetter),
        Programmatic(Topics.FanOut),
        Programmatic(Topics.Slow),
        Programmatic(Topics.Fast),
        Programmatic(Topics.Ttl),
        new { pubsubname = Names.PubSub, topic = Topics.NonJson, route = Topics.Route(Topics.NonJson), deadLetterTopic = Topics.NonJsonDeadLetter },
        new
        {
            pubsubname = Names.PubSub,
            topic = Topics.NonJsonDeadLetter,
            route = Topics.Route(Topics.NonJsonDeadLetter),
            metadata = new Dictionary<string, string> { ["rawPayload"] = "true" },
        },
        new
        {
            pubsubname = Names.PubSub,
            topic = Topics.RulesOnly,
            routes = new { rules = new[] { new { match = "event.type == \"com.example.only\"", path = Topics.Route(Topics.RulesOnly) + "/matched" } } },
            deadLetterTopic = Topics.AnswersDeadLetter,
        },
        new
        {
            pubsubname = Names.PubSub,
            topic = Topics.RawSubscription,
            route = Topics.Route(Topics.RawSubscription),
            metadata = new Dictionary<string, string> { ["rawPayload"] = "true" },
        },
    });

    private static string SubscriptionsOfC() => JsonSerializer.Serialize(new object[] { Programmatic(Topics.FanOut), Programmatic(Topics.Slow) });

    private static object Programmatic(string topic) => new { pubsubname = Names.PubSub, topic, route = Topics.Route(topic) };

    public async Task DisposeAsync()
    {
        // Sidecars first (they call the apps), then the apps, then what they shared.
        foreach (var started in Enumerable.Reverse(_started)) await started.DisposeAsync();
        _started.Clear();
        await _shared.DisposeAsync();
        foreach (var name in EnvSecretValues.Keys) Environment.SetEnvironmentVariable(EnvPrefix + name, null);
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceFixture>
{
    public const string Name = "Sidecar conformance";
}
