using System.Diagnostics;
using System.Text;

namespace DaprShop.Testing;

/// <summary>
/// A <c>dotnet</c> child process that a crash test can SIGKILL and start again with the same arguments, working
/// directory and environment, so the new process comes back on the same ports as a restarted container would.
/// </summary>
public sealed class KillableProcess(string name, string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    : IDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>How often the process was started, the first start included.</summary>
    public int Starts { get; private set; }

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>What every process printed, restarts included, to explain a failing test.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public void Start()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException($"{name} is already running");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (variable, value) in environment) start.Environment[variable] = value;
        _process?.Dispose();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        Append($"--- {name} started as pid {_process.Id} ---");
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown code runs. Waits until it is gone, so its ports are free.</summary>
    public void KillHard()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        Append($"--- {name} pid {_process.Id} killed ---");
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
