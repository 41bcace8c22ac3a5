namespace DaprShop.Benchmarks;

/// <summary>
/// One line per phase on standard error: rewritten in place every second on a terminal (elapsed, what is left,
/// requests, errors); written once when it ends when the output is redirected, so logs stay readable. A phase ends
/// after a planned time or, when it has a request goal (filling the state store), after that many requests.
/// </summary>
public sealed class PhaseProgress : IAsyncDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly string _label;
    private readonly TimeSpan _planned;
    private readonly long? _requestGoal;
    private readonly Func<(long Completed, long Failed)> _counts;
    private readonly DateTime _startedAt = DateTime.UtcNow;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _refresh;

    private PhaseProgress(string label, TimeSpan planned, long? requestGoal, Func<(long Completed, long Failed)> counts)
    {
        _label = label;
        _planned = planned;
        _requestGoal = requestGoal;
        _counts = counts;
        _refresh = Console.IsErrorRedirected ? Task.CompletedTask : RefreshAsync();
    }

    public static PhaseProgress Start(
        int phase, int phases, string name, TimeSpan planned, long? requestGoal, Func<(long Completed, long Failed)> counts) =>
        new($"[{phase}/{phases}] {name}", planned, requestGoal, counts);

    private async Task RefreshAsync()
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        do Console.Error.Write("\r" + Line());
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private string Line()
    {
        var elapsed = DateTime.UtcNow - _startedAt;
        var (completed, failed) = _counts();
        var left = _requestGoal is { } goal
            ? $"{Math.Max(0, goal - completed):N0} requests left"
            : $"{Math.Max(0, (_planned - elapsed).TotalSeconds),5:0.0}s left";
        return $"{_label,-56} {elapsed.TotalSeconds,5:0.0}s elapsed, {left}, {completed,9:N0} requests, {failed:N0} errors";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _refresh;
        Console.Error.WriteLine((Console.IsErrorRedirected ? "" : "\r") + Line());
        _stop.Dispose();
    }
}
