using System.Text;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>A console stand-in that keeps every line written to it and lets a test wait for a line.</summary>
public sealed class LineRecorder : TextWriter
{
    private readonly List<string> _lines = [];
    private readonly StringBuilder _partial = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock) return [.. _lines];
        }
    }

    public string Text => string.Join('\n', Lines);

    public override void Write(char value)
    {
        lock (_lock)
        {
            if (value == '\n')
            {
                _lines.Add(_partial.ToString());
                _partial.Clear();
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else if (value != '\r')
            {
                _partial.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var character in value ?? "") Write(character);
    }

    public override void WriteLine(string? value) => Write(value + "\n");

    /// <summary>The first line containing <paramref name="text"/>, once it has been written.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var line = _lines.FirstOrDefault(candidate => candidate.Contains(text, StringComparison.Ordinal));
                if (line is not null) return line;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No line with \"{text}\" within {timeout.TotalSeconds:0}s. Output:\n{Text}");
            }
        }
    }
}
