using System.Globalization;

namespace DaprShop.Testing;

/// <summary>
/// An app of a <see cref="ShopRun"/> that the test starts itself, so a crash test can SIGKILL it and start it again:
/// the runner stops the whole run when one of its own apps exits, as single-app <c>dapr run</c> does, and never
/// restarts one. The process gets what the runner would give it (app id, ports, tokens, the run's variables), so a
/// restart looks to its sidecar like the same app coming back on the same port, as a restarted container would.
/// Its sidecar is hosted by the run, or, for a test that crashes the sidecar, is a killable process of its own
/// (<see cref="Sidecar"/>).
/// </summary>
public sealed class KillableApp : IDisposable
{
    private readonly KillableProcess _process;

    public KillableApp(
        ShopRun.TemplateApp app, string appDirectory, string dll, IReadOnlyDictionary<string, string> runEnvironment, KillableProcess? sidecar = null)
    {
        App = app;
        Sidecar = sidecar;
        var environment = new Dictionary<string, string>(runEnvironment)
        {
            ["APP_ID"] = app.AppId,
            ["APP_PORT"] = app.AppPort.ToString(CultureInfo.InvariantCulture),
            ["APP_CHANNEL_ADDRESS"] = "127.0.0.1",
            ["APP_PROTOCOL"] = "http",
            ["DAPR_HTTP_PORT"] = app.DaprHttpPort.ToString(CultureInfo.InvariantCulture),
            ["DAPR_API_TOKEN"] = ShopRun.DaprApiToken,
            ["APP_API_TOKEN"] = ShopRun.AppApiToken,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        _process = new KillableProcess(app.AppId, appDirectory, [dll], environment);
    }

    public ShopRun.TemplateApp App { get; }

    /// <summary>The app's own sidecar process, when the run leaves it out (<c>standaloneSidecarAppIds</c>); null when the run hosts it.</summary>
    public KillableProcess? Sidecar { get; }

    /// <summary>How often the app was started, the first start included.</summary>
    public int Starts => _process.Starts;

    /// <summary>What every process of this app printed, restarts included, to explain a failing test.</summary>
    public string Output => _process.Output;

    public void Start() => _process.Start();

    /// <summary>SIGKILL of the app (not of its sidecar). Waits until it is gone, so its port is free.</summary>
    public void KillHard() => _process.KillHard();

    public void Dispose()
    {
        _process.Dispose();
        Sidecar?.Dispose();
    }
}
