using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using DaprShop.Sidecar.Runner;
using DaprShop.Testing;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>
/// Runs with real processes (python3 and sh apps) and real in-process sidecars, the runner called directly with a
/// recording console and a cancellation token standing in for Ctrl+C.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class MultiAppRunnerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _root = new();
    private readonly LineRecorder _console = new();
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _run;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Stops a run a failed assertion left behind, so no app outlives its test.</summary>
    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null) await _run.WaitAsync(Patience);
        _stop.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task Apps_get_the_environment_dapr_run_gives_and_run_in_their_own_directory()
    {
        var (alphaDir, betaDir) = (PythonApp("alpha"), PythonApp("beta"));
        var (alphaPort, betaPort, alphaDaprPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var run = Start($"""
            version: 1
            common:
              env:
                SHARED: from-common
                OWN: from-common
                DAPR_API_TOKEN: run-token
            apps:
              - appDirPath: alpha
                appPort: {alphaPort}
                daprHTTPPort: {alphaDaprPort}
                command: ["python3", "app.py"]
              - appID: beta
                appDirPath: beta
                appPort: {betaPort}
                appProtocol: HTTP
                env:
                  OWN: from-beta
                command: ["sh", "-c", "exec python3 app.py"]
            """);
        await _console.WaitForLineAsync("You're up and running!", Patience);

        var alpha = TestApps.ReadRecordedEnvironment(alphaDir);
        var beta = TestApps.ReadRecordedEnvironment(betaDir);
        Assert.Equal(
            ["alpha", $"{alphaPort}", "http", "127.0.0.1", $"{alphaDaprPort}", "run-token", "from-common", "from-common", Environment.GetEnvironmentVariable("HOME")!, alphaDir],
            Strings(alpha, "APP_ID", "APP_PORT", "APP_PROTOCOL", "APP_CHANNEL_ADDRESS", "DAPR_HTTP_PORT", "DAPR_API_TOKEN", "SHARED", "OWN", "HOME", "cwd"));
        Assert.Equal(["beta", $"{betaPort}", "http", "from-common", "from-beta", betaDir], Strings(beta, "APP_ID", "APP_PORT", "APP_PROTOCOL", "SHARED", "OWN", "cwd"));
        int[] ports = [.. new[] { alpha, beta }.SelectMany(recorded => Strings(recorded, "DAPR_HTTP_PORT", "DAPR_GRPC_PORT", "DAPR_METRICS_PORT")).Select(int.Parse)];
        Assert.Equal(ports.Length, ports.Distinct().Count());
        // The unset HTTP port the app was told is the one its sidecar really serves.
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync($"http://127.0.0.1:{Strings(beta, "DAPR_HTTP_PORT")[0]}/v1.0/healthz")).StatusCode);

        await _stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.All(new[] { alpha, beta }, recorded => Assert.False(ProcessTree.IsRunning(recorded["pid"].GetInt32())));
        Assert.False(TestApps.IsListening(alphaDaprPort));
    }

    [Fact]
    public async Task Ready_is_announced_only_once_every_sidecar_is_healthy_and_every_app_listens()
    {
        var (fastPort, slowPort) = (FreePort.Next(), FreePort.Next());
        var (fastDaprPort, slowDaprPort) = (FreePort.Next(), FreePort.Next());
        PythonApp("fast");
        PythonApp("slow");
        var run = Start($"""
            version: 1
            apps:
              - appDirPath: fast
                appPort: {fastPort}
                daprHTTPPort: {fastDaprPort}
                command: ["python3", "app.py"]
              - appDirPath: slow
                appPort: {slowPort}
                daprHTTPPort: {slowDaprPort}
                env:
                  LISTEN_DELAY: "1.5"
                command: ["python3", "app.py"]
            """);

        await _console.WaitForLineAsync("You're up and running!", Patience);

        using var http = new HttpClient();
        foreach (var (appPort, daprPort) in new[] { (fastPort, fastDaprPort), (slowPort, slowDaprPort) })
        {
            Assert.True(TestApps.IsListening(appPort), $"app port {appPort} should be open");
            Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync($"http://127.0.0.1:{daprPort}/v1.0/healthz")).StatusCode);
        }
        var table = _console.Lines.SkipWhile(line => !line.Contains("You're up and running!")).Skip(1).Take(3).ToList();
        Assert.Matches(@"^\s*APP ID\s+APP URL\s+DAPR HTTP\s+SWAGGER$", table[0]);
        Assert.Matches($@"^\s*fast\s+http://localhost:{fastPort}\s+http://127\.0\.0\.1:{fastDaprPort}\s+http://localhost:{fastPort}/swagger$", table[1]);
        Assert.Matches(@"ready after \d+\.\d+s", _console.Lines.Single(line => line.Contains("You're up and running!")));

        await _stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task The_sidecars_of_one_run_share_the_in_memory_broker()
    {
        PythonApp("publisher");
        var subscriberDir = PythonApp("subscriber");
        _root.WriteFile("components/pubsub.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.in-memory
              version: v1
            """);
        var publisherDaprPort = FreePort.Next();
        var run = Start($"""
            version: 1
            common:
              resourcesPaths: [components]
            apps:
              - appDirPath: publisher
                appPort: {FreePort.Next()}
                daprHTTPPort: {publisherDaprPort}
                command: ["python3", "app.py"]
              - appDirPath: subscriber
                appPort: {FreePort.Next()}
                env:
                  SUBSCRIBE_TOPIC: orders
                command: ["python3", "app.py"]
            """);
        await _console.WaitForLineAsync("You're up and running!", Patience);

        using var http = new HttpClient();
        var published = await http.PostAsync($"http://127.0.0.1:{publisherDaprPort}/v1.0/publish/pubsub/orders", JsonContent.Create(new { orderId = 42 }));

        Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        var received = Path.Combine(subscriberDir, "received.json");
        await Poll.UntilAsync(() => File.Exists(received), Patience, "the subscriber received the event");
        using var cloudEvent = JsonDocument.Parse(File.ReadAllText(received));
        Assert.Equal(42, cloudEvent.RootElement.GetProperty("data").GetProperty("orderId").GetInt32());
        Assert.Equal("publisher", cloudEvent.RootElement.GetProperty("source").GetString());
        await _stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task Output_is_prefixed_per_app_and_written_to_the_log_files_the_cli_writes()
    {
        var alphaDir = PythonApp("alpha");
        var betaDir = PythonApp("beta");
        var run = Start($"""
            version: 1
            apps:
              - appDirPath: alpha
                appPort: {FreePort.Next()}
                daprdLogDestination: console
                command: ["python3", "app.py"]
              - appDirPath: beta
                appPort: {FreePort.Next()}
                appLogDestination: console
                command: ["sh", "-c", "echo shell says hi; exec python3 app.py"]
            """);
        await _console.WaitForLineAsync("You're up and running!", Patience);
        await _stop.CancelAsync();
        Assert.Equal(0, await run);

        var console = _console.Lines;
        Assert.Contains("== APP - alpha == hello from alpha", console);
        Assert.Contains("== APP - alpha == complaint from alpha", console);
        Assert.Contains("== APP - beta == shell says hi", console);
        Assert.Contains(console, line => line.StartsWith("== DAPR - alpha == time=", StringComparison.Ordinal) && line.Contains("level=info"));
        // daprd logs go to a file by default (daprdLogDestination: file), as with the CLI.
        Assert.DoesNotContain(console, line => line.StartsWith("== DAPR - beta ==", StringComparison.Ordinal));

        var alphaAppLog = Assert.Single(Directory.GetFiles(Path.Combine(alphaDir, ".dapr", "logs"), "alpha_app_*.log"));
        Assert.Matches(@"alpha_app_\d{14}\.log$", alphaAppLog);
        Assert.Contains("== APP - alpha == hello from alpha", File.ReadAllLines(alphaAppLog));
        Assert.Empty(Directory.GetFiles(Path.Combine(alphaDir, ".dapr", "logs"), "alpha_daprd_*.log"));
        var betaLogs = Directory.GetFiles(Path.Combine(betaDir, ".dapr", "logs")).Select(Path.GetFileName).ToList();
        Assert.Matches(@"^beta_daprd_\d{14}\.log$", Assert.Single(betaLogs));
        Assert.Contains(File.ReadAllLines(Path.Combine(betaDir, ".dapr", "logs", betaLogs[0]!)), line => line.StartsWith("== DAPR - beta == time=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_app_that_exits_during_startup_is_named_with_its_last_lines_and_the_others_are_stopped()
    {
        var healthyDir = PythonApp("healthy");
        _root.CreateDirectory("broken");
        var run = Start($"""
            version: 1
            apps:
              - appDirPath: healthy
                appPort: {FreePort.Next()}
                command: ["python3", "app.py"]
              - appDirPath: broken
                appPort: {FreePort.Next()}
                command: ["sh", "-c", "sleep 0.5; echo cannot open database >&2; exit 3"]
            """);

        Assert.Equal(1, await run.WaitAsync(Patience));

        var failure = Assert.Single(_console.Lines, line => line.StartsWith("ERROR App \"broken\"", StringComparison.Ordinal));
        Assert.Equal("ERROR App \"broken\" exited with code 3 before it was ready", failure);
        Assert.Contains("    == APP - broken == cannot open database", _console.Lines);
        Assert.DoesNotContain(_console.Lines, line => line.Contains("You're up and running!"));
        Assert.Empty(TestApps.ProcessesIn(healthyDir));
    }

    [Fact]
    public async Task An_app_that_never_listens_fails_the_run_when_the_startup_timeout_ends()
    {
        var mute = _root.CreateDirectory("mute");
        var run = Start($"""
            version: 1
            apps:
              - appDirPath: mute
                appPort: {FreePort.Next()}
                command: ["sh", "-c", "echo $$ > pid; echo waiting forever; exec sleep 300"]
            """, new MultiAppRunnerOptions { StartupTimeout = TimeSpan.FromSeconds(1.5) });

        Assert.Equal(1, await run.WaitAsync(Patience));

        Assert.Contains(_console.Lines, line => Regex.IsMatch(line, @"^ERROR App ""mute"" was not ready within 2s: .*listening on port \d+\?$"));
        Assert.Contains("    == APP - mute == waiting forever", _console.Lines);
        Assert.False(ProcessTree.IsRunning(int.Parse(File.ReadAllText(Path.Combine(mute, "pid")))));
    }

    [Fact]
    public async Task An_app_that_exits_after_startup_stops_the_whole_run_with_exit_code_1()
    {
        var (quitterPort, otherPort) = (FreePort.Next(), FreePort.Next());
        PythonApp("quitter");
        var otherDir = PythonApp("other");
        var run = Start($"""
            version: 1
            apps:
              - appDirPath: quitter
                appPort: {quitterPort}
                command: ["python3", "app.py"]
              - appDirPath: other
                appPort: {otherPort}
                command: ["python3", "app.py"]
            """);
        await _console.WaitForLineAsync("You're up and running!", Patience);

        using var http = new HttpClient();
        await http.GetAsync($"http://127.0.0.1:{quitterPort}/quit");

        Assert.Equal(1, await run.WaitAsync(Patience));
        Assert.Contains("ERROR App \"quitter\" exited with code 7; stopping all apps", _console.Lines);
        Assert.False(ProcessTree.IsRunning(TestApps.ReadRecordedEnvironment(otherDir)["pid"].GetInt32()));
    }

    [Fact]
    public async Task A_shutdown_request_to_a_sidecar_stops_the_run_with_exit_code_0()
    {
        PythonApp("alpha");
        var daprPort = FreePort.Next();
        var run = Start($"""
            version: 1
            apps:
              - appDirPath: alpha
                appPort: {FreePort.Next()}
                daprHTTPPort: {daprPort}
                command: ["python3", "app.py"]
            """);
        await _console.WaitForLineAsync("You're up and running!", Patience);

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync($"http://127.0.0.1:{daprPort}/v1.0/shutdown", null)).StatusCode);

        Assert.Equal(0, await run.WaitAsync(Patience));
        Assert.Contains(_console.Lines, line => line.Contains("The sidecar of \"alpha\" received a shutdown request"));
    }

    [Fact]
    public async Task A_command_that_cannot_be_started_is_named_and_earlier_apps_are_stopped()
    {
        var firstDir = PythonApp("first");
        _root.CreateDirectory("second");
        var run = Start($"""
            version: 1
            apps:
              - appDirPath: first
                appPort: {FreePort.Next()}
                command: ["python3", "app.py"]
              - appDirPath: second
                command: ["./no-such-program"]
            """);

        Assert.Equal(1, await run.WaitAsync(Patience));
        Assert.Contains(_console.Lines, line => line.StartsWith("ERROR App \"second\" failed to start: its command \"./no-such-program\" could not be started", StringComparison.Ordinal));
        Assert.Empty(TestApps.ProcessesIn(firstDir));
    }

    [Fact]
    public async Task A_sidecar_that_cannot_load_its_resources_is_named()
    {
        _root.CreateDirectory("app");
        _root.WriteFile("app/components/broken.yaml", "kind: Component\nmetadata: [unclosed\n");
        var run = Start("""
            version: 1
            apps:
              - appDirPath: app
                resourcesPaths: [components]
                command: ["sleep", "300"]
            """);

        Assert.Equal(1, await run.WaitAsync(Patience));
        Assert.Contains(_console.Lines, line => line.StartsWith("ERROR App \"app\" failed to start: its sidecar failed to start:", StringComparison.Ordinal) && line.Contains("broken.yaml"));
    }

    [Fact]
    public async Task A_template_setting_this_sidecar_cannot_honour_fails_before_anything_starts()
    {
        _root.CreateDirectory("app");
        var run = Start("""
            version: 1
            apps:
              - appDirPath: app
                appProtocol: grpc
                command: ["sleep", "300"]
            """);

        Assert.Equal(1, await run.WaitAsync(Patience));
        Assert.Contains(_console.Lines, line => line.Contains("app \"app\": appProtocol: \"grpc\" is not supported"));
        Assert.DoesNotContain(_console.Lines, line => line.Contains("Started Dapr"));
    }

    private string PythonApp(string name)
    {
        var directory = _root.CreateDirectory(name);
        TestApps.WritePythonServer(directory);
        return directory;
    }

    private Task<int> Start(string yaml, MultiAppRunnerOptions? options = null)
    {
        var template = MultiAppTemplate.Load(_root.WriteFile("dapr.yaml", yaml), Environment.GetEnvironmentVariable);
        var runner = new MultiAppRunner(template, options ?? new MultiAppRunnerOptions(), _console);
        return _run = Task.Run(() => runner.RunAsync(_stop.Token));
    }

    private static List<string> Strings(Dictionary<string, System.Text.Json.JsonElement> recorded, params string[] names) =>
        names.Select(name => recorded[name].ToString()).ToList();
}
