namespace DaprShop.Workflow.History;

public sealed record ExecutionTerminatedEvent : HistoryEvent
{
    public string? Output { get; init; }
    public bool Recurse { get; init; } = true;
}
