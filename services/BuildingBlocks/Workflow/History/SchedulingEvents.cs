namespace DaprShop.Workflow.History;

/// <summary>
/// A history event written when the workflow's action with sequence number <see cref="HistoryEvent.EventId"/> was
/// applied. On replay it must meet a pending action of the same kind and identity, or the code is non-deterministic.
/// </summary>
public abstract record SchedulingEvent : HistoryEvent
{
    /// <summary>What the action was, in the words of a non-determinism diagnostic ("CallActivity 'Pay'").</summary>
    public abstract string Describe();
}

public sealed record TaskScheduledEvent : SchedulingEvent
{
    public required string Name { get; init; }
    public string? Input { get; init; }
    public override string Describe() => $"CallActivity '{Name}'";
}

public sealed record TimerCreatedEvent : SchedulingEvent
{
    public required DateTime FireAt { get; init; }
    public override string Describe() => "CreateTimer";
}

public sealed record ChildWorkflowInstanceCreatedEvent : SchedulingEvent
{
    public required string Name { get; init; }
    public required string InstanceId { get; init; }
    public string? Input { get; init; }
    public override string Describe() => $"CallChildWorkflow '{Name}' (instance '{InstanceId}')";
}

public sealed record EventSentEvent : SchedulingEvent
{
    public required string InstanceId { get; init; }
    public required string Name { get; init; }
    public string? Input { get; init; }
    public override string Describe() => $"SendEvent '{Name}' to '{InstanceId}'";
}
