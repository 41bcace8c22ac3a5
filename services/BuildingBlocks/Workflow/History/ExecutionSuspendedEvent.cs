namespace DaprShop.Workflow.History;

public sealed record ExecutionSuspendedEvent : HistoryEvent
{
    public string? Reason { get; init; }
}
