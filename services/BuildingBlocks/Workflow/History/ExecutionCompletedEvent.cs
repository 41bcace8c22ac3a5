namespace DaprShop.Workflow.History;

/// <summary>Terminal event: Completed, Failed or Terminated.</summary>
public sealed record ExecutionCompletedEvent : HistoryEvent
{
    public required WorkflowRuntimeStatus Status { get; init; }
    public string? Result { get; init; }
    public WorkflowTaskFailureDetails? FailureDetails { get; init; }
}
