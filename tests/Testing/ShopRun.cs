using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace DaprShop.Testing;

/// <summary>
/// The whole shop as a user starts it, for end-to-end tests and the shop benchmark: the multi-app run of
/// <c>dapr/dapr.yaml</c> through the local sidecar's <c>run -f</c>, as a child process. The template is copied with
/// changes so a developer's own run is left alone: ports moved up by <see cref="PortOffset"/>, local data and the
/// sidecars' name registry in a temp folder, the chosen build configuration, and optionally Redis as the broker.
/// Stopped with SIGTERM, which the runner handles like Ctrl+C (SIGINT may be ignored when a CI job runs in the
/// background, SIGTERM never is).
/// </summary>
public sealed partial class ShopRun : IAsyncDisposable
{
    /// <summary>10,000, or <c>DAPRSHOP_E2E_PORT_OFFSET</c>, so two checkouts can run their end-to-end tests at once.</summary>
    public static readonly int PortOffset = int.TryParse(Environment.GetEnvironmentVariable("DAPRSHOP_E2E_PORT_OFFSET"), out var offset) ? offset : 10_000;
    public const string DaprApiToken = "dev-dapr-api-token-change-me";
    public const string AppApiToken = "dev-app-api-token-change-me";
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromMinutes(3);

    private readonly StringBuilder _output = new();
    private readonly string _buildConfiguration;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyCollection<string> _killableAppIds;
    private readonly IReadOnlyCollection<string> _standaloneSidecarAppIds;
    private readonly bool _redisPubSub;
    private readonly Dictionary<string, KillableApp> _killableApps = [];
    private RedisServer? _redis;
    private Process? _runner;

    public string RepositoryRoot { get; } = FindRepositoryRoot();
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("daprshop-e2e-").FullName;
    public string DataDirectory => Path.Combine(WorkDirectory, "data");
    private string RegistryDirectory => Path.Combine(WorkDirectory, "registry");
    private string SidecarDll => Path.Combine(RepositoryRoot, "dapr", "Sidecar", "bin", _buildConfiguration, "net10.0", "daprshop-sidecar.dll");
    public IReadOnlyList<TemplateApp> Apps { get; private set; } = [];
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The runner's process (it hosts every sidecar and starts the apps); null before <see cref="StartAsync"/>.</summary>
    public int? RunnerProcessId => _runner?.Id;

    public Uri Gateway => new($"http://127.0.0.1:{Apps.Single(a => a.AppId == "gateway").AppPort}");

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public sealed record TemplateApp(string AppId, int AppPort, int DaprHttpPort);

    /// <param name="buildConfiguration">Whose build output the apps run from: Debug or Release.</param>
    /// <param name="environment">Variables for the runner, which passes them on to every app (e.g. configuration overrides).</param>
    /// <param name="killableAppIds">
    /// Apps the run hosts only the sidecar of, started by this class instead so a test can kill and restart them
    /// (<see cref="KillableApp"/>) with the run's variables and their own <c>env:</c> from the template.
    /// </param>
    /// <param name="standaloneSidecarAppIds">
    /// Apps the run leaves out altogether: the app and its sidecar are both started by this class, each a process of
    /// its own (<see cref="KillableApp.Sidecar"/>), so a test can kill the sidecar alone. The sidecar gets the flags and
    /// variables the runner gives its own (template settings, tokens, the run's registry). Needs
    /// <paramref name="redisPubSub"/>: the embedded broker is one per process, so only a broker every process reaches
    /// brings such a sidecar the run's events and the run its events.
    /// </param>
    /// <param name="redisPubSub">
    /// Runs the shop on <c>pubsub.redis</c> instead of the embedded broker: the run's <c>pubsub</c> component points at a
    /// <see cref="RedisServer"/> the run starts and stops.
    /// </param>
    public ShopRun(
        string buildConfiguration,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyCollection<string>? killableAppIds = null,
        IReadOnlyCollection<string>? standaloneSidecarAppIds = null,
        bool redisPubSub = false)
    {
        _buildConfiguration = buildConfiguration;
        _environment = environment ?? new Dictionary<string, string>();
        _killableAppIds = killableAppIds ?? [];
        _standaloneSidecarAppIds = standaloneSidecarAppIds ?? [];
        _redisPubSub = redisPubSub;
        if (_standaloneSidecarAppIds.Count > 0 && !redisPubSub)
            throw new ArgumentException("standalone sidecars need redisPubSub: the embedded broker does not reach another process", nameof(standaloneSidecarAppIds));
    }

    /// <summary>One of the apps named as killable when the run was created.</summary>
    public KillableApp Killable(string appId) => _killableApps[appId];

    /// <summary>Starts the run and waits until every app and sidecar is healthy.</summary>
    public async Task StartAsync()
    {
        var template = WriteTemplate();
        if (_redisPubSub) await UseRedisPubSubAsync();
        var deadline = DateTime.UtcNow + StartupDeadline;
        await StartStandaloneAppsAsync(deadline);
        var start = new ProcessStartInfo("dotnet", ["exec", SidecarDll, "run", "-f", template, "--no-build"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        // A private registry: otherwise another run on this machine (a developer's, another test run's) would offer its
        // own apps to this run's name resolution and actor placement.
        start.Environment["DAPRSHOP_REGISTRY_DIR"] = RegistryDirectory;
        foreach (var (name, value) in _environment) start.Environment[name] = value;
        _runner = Process.Start(start)!;
        _runner.OutputDataReceived += (_, line) => { lock (_output) _output.AppendLine(line.Data); };
        _runner.ErrorDataReceived += (_, line) => { lock (_output) _output.AppendLine(line.Data); };
        _runner.BeginOutputReadLine();
        _runner.BeginErrorReadLine();

        // Right after its sidecar listens, as the runner starts its own apps: the sidecar's readiness waits for the app.
        var runner = _runner;
        string? RunnerExited() => runner.HasExited ? $"the multi-app run exited with {runner.ExitCode}:\n{Output}" : null;
        foreach (var killable in _killableApps.Values.Where(killable => killable.Sidecar is null))
        {
            await WaitUntilAsync(() => IsListeningAsync(killable.App.DaprHttpPort), RunnerExited,
                () => $"the sidecar of {killable.App.AppId} did not listen in time:\n{Output}", deadline, TimeSpan.FromMilliseconds(100));
            killable.Start();
        }
        foreach (var app in Apps)
        {
            await WaitUntilAsync(() => IsHealthyAsync(app), RunnerExited, () => $"{app.AppId} was not healthy in time:\n{Output}", deadline,
                TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds. Fails with <see cref="InvalidOperationException"/> as soon as
    /// <paramref name="gaveUp"/> names a reason waiting is pointless (a process exited), with <see cref="TimeoutException"/>
    /// at the deadline.
    /// </summary>
    private static async Task WaitUntilAsync(
        Func<Task<bool>> condition, Func<string?> gaveUp, Func<string> tooLate, DateTime deadline, TimeSpan interval)
    {
        while (!await condition())
        {
            if (gaveUp() is { } reason) throw new InvalidOperationException(reason);
            if (DateTime.UtcNow > deadline) throw new TimeoutException(tooLate());
            await Task.Delay(interval);
        }
    }

    /// <summary>
    /// Replaces the run's copy of <c>components/pubsub.yaml</c> with <c>pubsub.redis</c> on a server of the run's own.
    /// A message a killed sidecar had taken is delivered again once it has been pending for processingTimeout; 2 s
    /// (checked every second) instead of daprd's 60 s keeps a crash test within its wait for settled orders.
    /// </summary>
    private async Task UseRedisPubSubAsync()
    {
        _redis = await RedisServer.StartAsync();
        await TestComponents.WriteRedisPubSubAsync(
            Path.Combine(WorkDirectory, "components"), _redis, [("processingTimeout", "2s"), ("redeliverInterval", "1s")]);
    }

    /// <summary>Apps with a sidecar of their own, before the run: sidecar, then app.</summary>
    private async Task StartStandaloneAppsAsync(DateTime deadline)
    {
        foreach (var killable in _killableApps.Values.Where(killable => killable.Sidecar is not null))
        {
            var sidecar = killable.Sidecar!;
            sidecar.Start();
            await WaitUntilAsync(() => IsListeningAsync(killable.App.DaprHttpPort),
                () => sidecar.HasExited ? $"the sidecar of {killable.App.AppId} exited:\n{sidecar.Output}" : null,
                () => $"the sidecar of {killable.App.AppId} did not listen in time:\n{sidecar.Output}", deadline, TimeSpan.FromMilliseconds(100));
            killable.Start();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_runner is { HasExited: false })
        {
            Terminate(_runner.Id);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _runner.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _runner.Kill(entireProcessTree: true);
            }
        }
        _runner?.Dispose();
        foreach (var killable in _killableApps.Values) killable.Dispose();
        if (_redis is not null) await _redis.DisposeAsync();
        Http.Dispose();
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Stops the run as Ctrl+C or a service manager would and returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Terminate(_runner!.Id);
        using var deadline = new CancellationTokenSource(timeout);
        await _runner.WaitForExitAsync(deadline.Token);
        return _runner.ExitCode;
    }

    /// <summary>A value of the run's secret store: the development secrets in <c>dapr/secrets.json</c>.</summary>
    public string DevelopmentSecret(string name)
    {
        using var secrets = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "dapr", "secrets.json")));
        return secrets.RootElement.GetProperty(name).GetString()!;
    }

    public HttpClient SidecarClient(TemplateApp app)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.DaprHttpPort}") };
        client.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);
        return client;
    }

    private async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var response = await Http.GetAsync($"http://127.0.0.1:{port}/v1.0/healthz");
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<bool> IsHealthyAsync(TemplateApp app)
    {
        try
        {
            using var sidecar = await Http.GetAsync($"http://127.0.0.1:{app.DaprHttpPort}/v1.0/healthz");
            using var appHealth = await Http.GetAsync($"http://127.0.0.1:{app.AppPort}/healthz");
            return sidecar.StatusCode == System.Net.HttpStatusCode.NoContent && appHealth.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Copies dapr/dapr.yaml and components/ with ports, data paths and build output moved for this run.</summary>
    private string WriteTemplate()
    {
        var components = Path.Combine(WorkDirectory, "components");
        Directory.CreateDirectory(components);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "components"), "*.yaml"))
        {
            var text = File.ReadAllText(file)
                .Replace("../../.data/", DataDirectory + "/")
                .Replace("../../dapr/", Path.Combine(RepositoryRoot, "dapr") + "/");
            File.WriteAllText(Path.Combine(components, Path.GetFileName(file)), text);
        }

        var dapr = Path.Combine(RepositoryRoot, "dapr");
        var template = File.ReadAllText(Path.Combine(dapr, "dapr.yaml"));
        template = template
            .Replace("resourcesPaths: [../components, .]", $"resourcesPaths: [{components}, {dapr}]")
            .Replace("configFilePath: ./config.yaml", $"configFilePath: {Path.Combine(dapr, "config.yaml")}")
            .Replace("appDirPath: ../", $"appDirPath: {RepositoryRoot}/")
            .Replace("bin/Debug/", $"bin/{_buildConfiguration}/");
        template = PortLine().Replace(template, match => $"{match.Groups[1].Value}{int.Parse(match.Groups[2].Value) + PortOffset}");
        Apps = AppEntry().Matches(template)
            .Select(m => new TemplateApp(m.Groups[1].Value, int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)))
            .ToList();
        var sidecarFlags = SidecarFlags(template, components, dapr);
        foreach (var appId in _killableAppIds.Concat(_standaloneSidecarAppIds))
        {
            var entry = KillableEntry(appId).Match(template);
            if (!entry.Success) throw new InvalidOperationException($"{appId}: no template entry with appDirPath and a `dotnet <dll>` command");
            var environment = new Dictionary<string, string>(_environment);
            foreach (Match variable in EnvVariable().Matches(entry.Groups["env"].Value)) environment[variable.Groups[1].Value] = variable.Groups[2].Value;
            var app = Apps.Single(app => app.AppId == appId);
            var directory = entry.Groups["dir"].Value;
            if (_standaloneSidecarAppIds.Contains(appId))
            {
                _killableApps[appId] = new KillableApp(app, directory, entry.Groups["dll"].Value, environment, StandaloneSidecar(app, directory, sidecarFlags));
                // The whole entry, from the start of its line: the runner neither starts the app nor hosts its sidecar.
                var lineStart = template.LastIndexOf('\n', entry.Index) + 1;
                template = template.Remove(lineStart, entry.Index + entry.Length - lineStart);
            }
            else
            {
                _killableApps[appId] = new KillableApp(app, directory, entry.Groups["dll"].Value, environment);
                // Without a command the runner hosts the app's sidecar only.
                template = template.Remove(entry.Groups["command"].Index, entry.Groups["command"].Length);
            }
        }

        var path = Path.Combine(WorkDirectory, "dapr.yaml");
        File.WriteAllText(path, template);
        return path;
    }

    /// <summary>
    /// The sidecar of one app as its own process, with daprd's flags for what the runner passes its hosted sidecars:
    /// ports, the run's resources and configuration, the template's common app health settings, the development
    /// tokens and the run's private registry (name resolution and actor placement), in the app's directory.
    /// </summary>
    private KillableProcess StandaloneSidecar(TemplateApp app, string appDirectory, IReadOnlyList<string> sharedFlags)
    {
        string[] arguments =
        [
            "exec", SidecarDll,
            "--app-id", app.AppId,
            "--app-port", app.AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dapr-http-port", app.DaprHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. sharedFlags,
        ];
        var environment = new Dictionary<string, string>(_environment)
        {
            ["DAPR_API_TOKEN"] = DaprApiToken,
            ["APP_API_TOKEN"] = AppApiToken,
            ["DAPRSHOP_REGISTRY_DIR"] = RegistryDirectory,
        };
        return new KillableProcess($"{app.AppId} sidecar", appDirectory, arguments, environment);
    }

    /// <summary>The template's <c>common:</c> settings that every hosted sidecar gets, as daprd flags.</summary>
    private static List<string> SidecarFlags(string template, string components, string dapr)
    {
        List<string> flags = ["--resources-path", components, "--resources-path", dapr, "--config", Path.Combine(dapr, "config.yaml")];
        if (CommonSetting(template, "enableAppHealthCheck") == "true") flags.Add("--enable-app-health-check");
        foreach (var (key, flag) in new[]
        {
            ("appHealthCheckPath", "--app-health-check-path"), ("appHealthProbeInterval", "--app-health-probe-interval"),
            ("appHealthProbeTimeout", "--app-health-probe-timeout"), ("appHealthThreshold", "--app-health-threshold"),
        })
        {
            if (CommonSetting(template, key) is { } value) flags.AddRange([flag, value]);
        }
        return flags;
    }

    private static string? CommonSetting(string template, string key)
    {
        var common = template[template.IndexOf("\ncommon:", StringComparison.Ordinal)..template.IndexOf("\napps:", StringComparison.Ordinal)];
        var setting = Regex.Match(common, $@"\n\s+{Regex.Escape(key)}: (\S+)");
        return setting.Success ? setting.Groups[1].Value : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DaprShop.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("DaprShop.sln not found above the test output directory");
    }

    private static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"((?:appPort|daprHTTPPort): )(\d+)")]
    private static partial Regex PortLine();

    [GeneratedRegex(@"appID: (\S+)\s+appDirPath: \S+\s+appPort: (\d+)\s+daprHTTPPort: (\d+)")]
    private static partial Regex AppEntry();

    /// <summary>An app's entry: its command (<c>command: ["dotnet", "dll"]</c>), then optionally its env, up to the next app.</summary>
    private static Regex KillableEntry(string appId) => new(
        $@"- appID: {Regex.Escape(appId)}\n\s+appDirPath: (?<dir>\S+)\n(?:\s+(?!command:|env:)\S.*\n)*?(?<command>\s+command: \[""dotnet"", ""(?<dll>[^""]+)""\]\n)(?<env>\s+env:\n(?:\s+(?!- appID:)\S.*\n)*)?(?=\s+- appID:|\s*$)");

    /// <summary>A <c>Name: "value"</c> line of an app's env in the template.</summary>
    [GeneratedRegex(@"^\s+(\w+): ""([^""]*)""$", RegexOptions.Multiline)]
    private static partial Regex EnvVariable();
}
