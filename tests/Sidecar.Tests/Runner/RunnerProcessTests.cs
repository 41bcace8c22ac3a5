using System.Net;
using System.Runtime.Versioning;
using DaprShop.Sidecar.Runner;
using DaprShop.Testing;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>The program as users start it, in a child process, stopped with a real signal.</summary>
[SupportedOSPlatform("linux")]
public sealed class RunnerProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task After_SIGTERM_the_run_exits_with_0_and_no_app_process_or_descendant_survives()
    {
        var alphaDir = _root.CreateDirectory("alpha");
        var betaDir = _root.CreateDirectory("beta");
        TestApps.WritePythonServer(alphaDir);
        TestApps.WritePythonServer(betaDir);
        // alpha: python with a background child, like `dotnet run` with its app. beta: a shell and a python that both
        // ignore SIGTERM, so only the SIGKILL after the grace period ends them.
        var template = _root.WriteFile("dapr.yaml", $"""
            version: 1
            apps:
              - appDirPath: alpha
                appPort: {FreePort.Next()}
                command: ["sh", "-c", "sleep 300 & exec python3 app.py"]
              - appDirPath: beta
                appPort: {FreePort.Next()}
                command: ["sh", "-c", "trap '' TERM; python3 app.py; echo never reached"]
            """);
        using var runner = new SidecarProcess("run", "-f", template);
        await runner.Output.WaitForLineAsync("You're up and running!", Patience);

        var runTree = ProcessTree.DescendantsOf(runner.Id);
        var alphaPid = TestApps.ReadRecordedEnvironment(alphaDir)["pid"].GetInt32();
        var betaPid = TestApps.ReadRecordedEnvironment(betaDir)["pid"].GetInt32();
        Assert.Contains(alphaPid, runTree);
        Assert.Contains(betaPid, runTree);
        Assert.Contains(ProcessTree.DescendantsOf(alphaPid), runTree.Contains);
        Assert.True(runTree.Count >= 4, $"expected alpha, its sleep, beta's shell and beta, found {runTree.Count}");

        ProcessTree.Signal(runner.Id, ProcessTree.SigTerm);

        Assert.Equal(0, await runner.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(runTree, pid => Assert.False(ProcessTree.IsRunning(pid), $"pid {pid} of the run survived"));
        Assert.Contains("INFO  Received signal to stop Dapr and app processes. Shutting down Dapr and app processes.", runner.Output.Lines);
    }

    [Fact]
    public async Task One_sidecar_from_daprd_flags_serves_until_SIGINT_and_exits_with_0()
    {
        var daprPort = FreePort.Next();
        using var sidecar = new SidecarProcess("--app-id", "solo", "--dapr-http-port", $"{daprPort}", "--dapr-grpc-port", "50001");

        await sidecar.Output.WaitForLineAsync("You're up and running! Dapr logs will appear here.", Patience);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync($"http://127.0.0.1:{daprPort}/v1.0/healthz")).StatusCode);
        Assert.Contains(sidecar.Output.Lines, line => line.Contains("level=warning msg=\"Flag --dapr-grpc-port is accepted for compatibility with daprd and has no effect"));

        ProcessTree.Signal(sidecar.Id, 2);

        Assert.Equal(0, await sidecar.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(TestApps.IsListening(daprPort));
    }

    [Fact]
    public async Task One_sidecar_stops_with_0_on_POST_shutdown()
    {
        var daprPort = FreePort.Next();
        using var sidecar = new SidecarProcess("--app-id=solo", $"--dapr-http-port={daprPort}");
        await sidecar.Output.WaitForLineAsync("You're up and running!", Patience);

        using var http = new HttpClient();
        await http.PostAsync($"http://127.0.0.1:{daprPort}/v1.0/shutdown", null);

        Assert.Equal(0, await sidecar.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(sidecar.Output.Lines, line => line.Contains("Shutdown requested through the API"));
    }

    [Fact]
    public async Task One_sidecar_that_cannot_load_its_resources_exits_with_1()
    {
        using var sidecar = new SidecarProcess("--app-id", "solo", "--dapr-http-port", "0", "--resources-path", _root.Combine("missing"));

        Assert.Equal(1, await sidecar.WaitForExitAsync(Patience));
        Assert.Contains(sidecar.Output.Lines, line => line.Contains("level=fatal msg=\"Fatal error from runtime:") && line.Contains("missing"));
    }
}
