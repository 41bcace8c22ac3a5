namespace DaprShop.Sidecar.Cli;

/// <summary>
/// Whole lines to one <see cref="TextWriter"/> from many threads (app output pumps, sidecar loggers, the runner), so
/// lines of different apps never interleave mid-line.
/// </summary>
internal sealed class SynchronizedLineWriter(TextWriter writer)
{
    private readonly Lock _lock = new();

    public void WriteLine(string line)
    {
        lock (_lock)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    public void Info(string message) => WriteLine($"INFO  {message}");

    public void Warn(string message) => WriteLine($"WARN  {message}");

    public void Error(string message) => WriteLine($"ERROR {message}");
}
