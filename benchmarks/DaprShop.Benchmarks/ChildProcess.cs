using System.Diagnostics;
using System.Text.Json;

namespace DaprShop.Benchmarks;

/// <summary>
/// One server the benchmark runs in its own process — the app or a sidecar — launched from this same exe in a
/// serving mode, so the load generator never shares a GC heap or thread pool with what it measures.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly TaskCompletionSource<ChildProtocol.Ready> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _countersExchange = new(1, 1);
    private TaskCompletionSource<ProcessCounters>? _pendingCounters;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public ChildProtocol.Ready Ready => _ready.Task.IsCompletedSuccessfully
        ? _ready.Task.Result
        : throw new InvalidOperationException($"{Name} has not reported ready");

    /// <summary>Starts <c>this-exe {mode} {arguments}</c> and returns once the child reported that it serves.</summary>
    public static async Task<ChildProcess> StartAsync(
        string name, IReadOnlyList<string> modeAndArguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Under `dotnet DaprShop.Benchmarks.dll` the process is the dotnet host, which needs the assembly again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var argument in modeAndArguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {name}");
        ChildProcessReaper.Track(process);
        var child = new ChildProcess(name, process);
        _ = child.ReadOutputAsync();
        _ = child.ForwardErrorsAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await child._ready.Task.WaitAsync(timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or ChildProcessException)
        {
            await child.DisposeAsync();
            if (error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                throw new ChildProcessException($"{name} did not report ready within {StartTimeout.TotalSeconds:0} s");
            throw;
        }
        return child;
    }

    /// <summary>The child's cumulative CPU time, allocations and collections, as it measures them itself.</summary>
    public async Task<ProcessCounters> ReadCountersAsync(CancellationToken cancellationToken)
    {
        await _countersExchange.WaitAsync(cancellationToken);
        try
        {
            _pendingCounters = new TaskCompletionSource<ProcessCounters>(TaskCreationOptions.RunContinuationsAsynchronously);
            await _process.StandardInput.WriteLineAsync(ChildProtocol.CountersRequest.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
            return await _pendingCounters.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        finally
        {
            _countersExchange.Release();
        }
    }

    private async Task ReadOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ChildProtocol.ReadyPrefix, StringComparison.Ordinal))
                _ready.TrySetResult(JsonSerializer.Deserialize<ChildProtocol.Ready>(line[ChildProtocol.ReadyPrefix.Length..])!);
            else if (line.StartsWith(ChildProtocol.CountersPrefix, StringComparison.Ordinal))
                _pendingCounters?.TrySetResult(JsonSerializer.Deserialize<ProcessCounters>(line[ChildProtocol.CountersPrefix.Length..])!);
        }
        var exited = new ChildProcessException($"{Name} exited");
        _ready.TrySetException(exited);
        _pendingCounters?.TrySetException(exited);
    }

    /// <summary>The children log warnings and errors only; they matter (a failing sidecar explains failed requests).</summary>
    private async Task ForwardErrorsAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line) await Console.Error.WriteLineAsync($"[{Name}] {line}");
    }

    /// <summary>Closing standard input asks the child to stop; it is killed if it has not within the grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child is gone already (a terminal's Ctrl+C reaches the whole process group).
        }
        using (var grace = new CancellationTokenSource(ExitGrace))
        {
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        ChildProcessReaper.Forget(_process);
        _process.Dispose();
        _countersExchange.Dispose();
    }
}

public sealed class ChildProcessException(string message) : Exception(message);
