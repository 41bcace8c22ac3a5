namespace DaprShop.Workflow.Durability;

/// <summary>
/// The activities whose results this process delivered lately: each for at least <paramref name="memory"/>, at most
/// twice that, in two generations swapped as they age, so the set stays bounded by what ran in that time.
/// </summary>
internal sealed class DeliveredActivities(TimeSpan memory, TimeProvider time)
{
    private HashSet<string> _current = new(StringComparer.Ordinal);
    private HashSet<string> _previous = new(StringComparer.Ordinal);
    private DateTimeOffset _currentSince = DateTimeOffset.MinValue;

    public bool Contains(string taskExecutionKey) => _current.Contains(taskExecutionKey) || _previous.Contains(taskExecutionKey);

    public void Add(string taskExecutionKey)
    {
        var now = time.GetUtcNow();
        if (now - _currentSince >= memory)
        {
            (_previous, _current) = (_current, _previous);
            _current.Clear();
            _currentSince = now;
        }
        _current.Add(taskExecutionKey);
    }
}
