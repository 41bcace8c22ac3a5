namespace DaprShop.Workflow.History;

/// <summary>First event of every execution (a new start, or a ContinueAsNew generation).</summary>
public sealed record ExecutionStartedEvent : HistoryEvent
{
    public required string Name { get; init; }
    public required string InstanceId { get; init; }
    public required string ExecutionId { get; init; }
    public string? Input { get; init; }
    public ParentInstance? Parent { get; init; }
    public DateTime? ScheduledStartTime { get; init; }
}
