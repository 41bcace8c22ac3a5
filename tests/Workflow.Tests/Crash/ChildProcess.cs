using System.Diagnostics;
using System.Text;

namespace DaprShop.Workflow.Tests.Crash;

/// <summary>
/// A `dotnet some.dll` process the crash tests can SIGKILL. Its output is kept so a failing test can show what the
/// process said before it died.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";
    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string name, string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var child = new ChildProcess(new Process { StartInfo = start }) { Name = name };
        child._process.OutputDataReceived += (_, line) => child.Append(line.Data);
        child._process.ErrorDataReceived += (_, line) => child.Append(line.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL (Process.Kill on Unix), then reap it so its pid is gone before anything restarts.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to die on its own (e.g. an activity that SIGKILLs its host).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
