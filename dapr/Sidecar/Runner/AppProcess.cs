using System.Diagnostics;

namespace DaprShop.Sidecar.Runner;

/// <summary>
/// An app's command, started like dapr/cli starts it (pkg/standalone/run.go GetAppCommand; cmd/run.go
/// startAppProcess): in appDirPath, with the runner's environment plus the run's variables, stdout and stderr read
/// line by line. Stdin is closed, as Go's exec gives a child /dev/null. Its process tree is watched while it runs so
/// that stopping it also stops descendants whose parent already exited.
/// </summary>
internal sealed class AppProcess
{
    private static readonly TimeSpan TreeRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly Process _process;
    private readonly ProcessTree _tree;

    private AppProcess(Process process, Task outputDrained)
    {
        _process = process;
        _tree = new ProcessTree(process.Id);
        Exited = WaitForExitAsync(outputDrained);
        _ = WatchTreeAsync();
    }

    public int Id => _process.Id;

    /// <summary>The exit code, once the process has exited and its output has been read.</summary>
    public Task<int> Exited { get; }

    /// <exception cref="System.ComponentModel.Win32Exception">The command cannot be started (not found, not executable).</exception>
    public static AppProcess Start(
        IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment, Action<string> writeLine)
    {
        var startInfo = new ProcessStartInfo
        {
            // Go resolves a relative command with a slash ("./run.sh") in the child's directory, after its chdir.
            FileName = command[0].Contains('/') ? Path.GetFullPath(command[0], workingDirectory) : command[0],
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1)) startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) startInfo.Environment[name] = value;

        var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var outputDrained = Task.WhenAll(PumpAsync(process.StandardOutput, writeLine), PumpAsync(process.StandardError, writeLine));
        return new AppProcess(process, outputDrained);
    }

    /// <summary>Stops the process and all its descendants: SIGTERM, then SIGKILL after <paramref name="gracePeriod"/>.</summary>
    public async Task StopAsync(TimeSpan gracePeriod)
    {
        await _tree.TerminateAsync(gracePeriod);
        await Exited;
        _process.Dispose();
    }

    private async Task<int> WaitForExitAsync(Task outputDrained)
    {
        await _process.WaitForExitAsync();
        // A descendant that outlives the command keeps the pipes open; its output is not worth waiting for long.
        await Task.WhenAny(outputDrained, Task.Delay(TimeSpan.FromSeconds(2)));
        return _process.ExitCode;
    }

    private async Task WatchTreeAsync()
    {
        while (!Exited.IsCompleted)
        {
            await Task.WhenAny(Exited, Task.Delay(TreeRefreshInterval));
            _tree.Refresh();
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> writeLine)
    {
        while (await reader.ReadLineAsync() is { } line) writeLine(line);
    }
}
