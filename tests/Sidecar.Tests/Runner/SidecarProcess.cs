using System.Diagnostics;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>daprshop-sidecar started as a child process (dotnet daprshop-sidecar.dll …), its output recorded.</summary>
public sealed class SidecarProcess : IDisposable
{
    private readonly Process _process;

    public SidecarProcess(params string[] args)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "daprshop-sidecar.dll"));
        foreach (var arg in args) startInfo.ArgumentList.Add(arg);
        _process = Process.Start(startInfo)!;
        _process.OutputDataReceived += (_, line) => Record(line.Data);
        _process.ErrorDataReceived += (_, line) => Record(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public LineRecorder Output { get; } = new();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not exit within {timeout}; its output:\n{string.Join('\n', Output.Lines)}");
        }

        return _process.ExitCode;
    }

    /// <summary>Kills what a failed assertion left running, the runner and every app it started.</summary>
    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null) Output.WriteLine(line);
    }
}
