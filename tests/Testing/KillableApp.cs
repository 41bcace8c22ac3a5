using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DaprShop.Testing;

/// <summary>
/// An app of a <see cref="ShopRun"/> that the test starts itself, next to the sidecar the run hosts for it, so a crash
/// test can SIGKILL it and start it again: the runner stops the whole run when one of its own apps exits, as
/// single-app <c>dapr run</c> does, and never restarts one. The process gets what the runner would give it (app id,
/// ports, tokens, the run's variables), so a restart looks to its sidecar like the same app coming back on the same
/// port, as a restarted container would.
/// </summary>
public sealed class KillableApp : IDisposable
{
    private readonly string _dll;
    private readonly string _workingDirectory;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public KillableApp(ShopRun.TemplateApp app, string appDirectory, string dll, IReadOnlyDictionary<string, string> runEnvironment)
    {
        App = app;
        _dll = dll;
        _workingDirectory = appDirectory;
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
        _environment = environment;
    }

    public ShopRun.TemplateApp App { get; }

    /// <summary>How often the app was started, the first start included.</summary>
    public int Starts { get; private set; }

    /// <summary>What every process of this app printed, restarts included, to explain a failing test.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public void Start()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException($"{App.AppId} is already running");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(_dll);
        foreach (var (name, value) in _environment) start.Environment[name] = value;
        _process?.Dispose();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        Append($"--- {App.AppId} started as pid {_process.Id} ---");
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown code runs. Waits until it is gone, so its port is free.</summary>
    public void KillHard()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        Append($"--- {App.AppId} pid {_process.Id} killed ---");
    }

    public void Dispose()
    {
        KillHard();
        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
