using DaprShop.Sidecar.Cli;

namespace DaprShop.Sidecar.Runner;

/// <summary>
/// The log of one app or one sidecar in a run: every line gets the CLI's prefix ("== APP - cart == ",
/// "== DAPR - cart == ") and goes to the console, the log file or both, as the template's log destination says.
/// The file, like the CLI's, receives the prefixed lines. The last lines are kept to explain a failure.
/// </summary>
internal sealed class LogSink : IDisposable
{
    private const int TailLength = 30;

    private readonly string _prefix;
    private readonly SynchronizedLineWriter? _console;
    private StreamWriter? _file;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();

    /// <param name="filePath">Where the file copy goes; ignored when the destination is console only.</param>
    public LogSink(string prefix, LogDestination destination, string filePath, SynchronizedLineWriter console)
    {
        _prefix = prefix;
        if (destination.ToConsole()) _console = console;
        if (destination.ToFile())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
            _file = new StreamWriter(filePath, append: false) { AutoFlush = true };
            FilePath = filePath;
        }
    }

    public string? FilePath { get; }

    public void WriteLine(string line)
    {
        var prefixed = _prefix + line;
        lock (_lock)
        {
            _tail.Enqueue(prefixed);
            if (_tail.Count > TailLength) _tail.Dequeue();
            _file?.WriteLine(prefixed);
        }
        _console?.WriteLine(prefixed);
    }

    public IReadOnlyList<string> Tail()
    {
        lock (_lock) return [.. _tail];
    }

    public void Dispose()
    {
        lock (_lock)
        {
            // Output pumps may still deliver a last line after the run closed its logs; it then goes to the console only.
            _file?.Dispose();
            _file = null;
        }
    }
}
