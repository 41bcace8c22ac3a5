namespace DaprShop.Workflow.History;

/// <summary>The parent of a child workflow, and the sequence number under which the parent awaits it.</summary>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskScheduledId);

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

/// <summary>Opens every turn; its timestamp is the workflow's deterministic clock.</summary>
public sealed record OrchestratorStartedEvent : HistoryEvent;

/// <summary>An external event (from a client or another instance's SendEvent).</summary>
public sealed record EventRaisedEvent : HistoryEvent
{
    public required string Name { get; init; }
    public string? Input { get; init; }

    /// <summary>
    /// Set by the sender so a redelivery of the same event is recognised and dropped, while two distinct events
    /// with the same name both count. Events without it are never deduplicated.
    /// </summary>
    public string? DeliveryId { get; init; }
}

/// <summary>Terminal event: Completed, Failed or Terminated.</summary>
public sealed record ExecutionCompletedEvent : HistoryEvent
{
    public required WorkflowRuntimeStatus Status { get; init; }
    public string? Result { get; init; }
    public WorkflowTaskFailureDetails? FailureDetails { get; init; }
}

public sealed record ExecutionTerminatedEvent : HistoryEvent
{
    public string? Output { get; init; }
    public bool Recurse { get; init; } = true;
}

public sealed record ExecutionSuspendedEvent : HistoryEvent
{
    public string? Reason { get; init; }
}

public sealed record ExecutionResumedEvent : HistoryEvent
{
    public string? Reason { get; init; }
}
