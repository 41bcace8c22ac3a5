using System.Text.Json.Serialization;

namespace DaprShop.Workflow.History;

/// <summary>
/// The outcome of a scheduling event (activity result, timer, child result). It names the execution it belongs to
/// so that a late delivery from before a ContinueAsNew or an ID reuse cannot resolve a task of the new execution
/// that happens to have the same sequence number.
/// </summary>
public abstract record CompletionEvent : HistoryEvent
{
    public required string ExecutionId { get; init; }

    [JsonIgnore]
    public abstract int ScheduledEventId { get; }

    /// <summary>Whether this is the kind of outcome <paramref name="scheduled"/> waits for.</summary>
    public abstract bool Resolves(SchedulingEvent scheduled);
}

public sealed record TaskCompletedEvent : CompletionEvent
{
    public required int TaskScheduledId { get; init; }
    public string? Result { get; init; }
    public override int ScheduledEventId => TaskScheduledId;
    public override bool Resolves(SchedulingEvent scheduled) => scheduled is TaskScheduledEvent;
}

public sealed record TaskFailedEvent : CompletionEvent
{
    public required int TaskScheduledId { get; init; }
    public required WorkflowTaskFailureDetails FailureDetails { get; init; }
    public override int ScheduledEventId => TaskScheduledId;
    public override bool Resolves(SchedulingEvent scheduled) => scheduled is TaskScheduledEvent;
}

public sealed record TimerFiredEvent : CompletionEvent
{
    public required int TimerId { get; init; }
    public required DateTime FireAt { get; init; }
    public override int ScheduledEventId => TimerId;
    public override bool Resolves(SchedulingEvent scheduled) => scheduled is TimerCreatedEvent;
}

public sealed record ChildWorkflowInstanceCompletedEvent : CompletionEvent
{
    public required int TaskScheduledId { get; init; }
    public string? Result { get; init; }
    public override int ScheduledEventId => TaskScheduledId;
    public override bool Resolves(SchedulingEvent scheduled) => scheduled is ChildWorkflowInstanceCreatedEvent;
}

public sealed record ChildWorkflowInstanceFailedEvent : CompletionEvent
{
    public required int TaskScheduledId { get; init; }
    public required WorkflowTaskFailureDetails FailureDetails { get; init; }
    public override int ScheduledEventId => TaskScheduledId;
    public override bool Resolves(SchedulingEvent scheduled) => scheduled is ChildWorkflowInstanceCreatedEvent;
}
