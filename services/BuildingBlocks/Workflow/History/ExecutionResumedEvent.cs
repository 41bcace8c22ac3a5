namespace DaprShop.Workflow.History;

public sealed record ExecutionResumedEvent : HistoryEvent
{
    public string? Reason { get; init; }
}
