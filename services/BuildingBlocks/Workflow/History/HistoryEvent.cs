using System.Text.Json.Serialization;

namespace DaprShop.Workflow.History;

/// <summary>
/// One entry of an instance's append-only history. Scheduling events carry the workflow's sequence number in
/// <see cref="EventId"/>; every other event leaves it at -1 and refers back through its own id field.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ExecutionStartedEvent), "executionStarted")]
[JsonDerivedType(typeof(OrchestratorStartedEvent), "orchestratorStarted")]
[JsonDerivedType(typeof(TaskScheduledEvent), "taskScheduled")]
[JsonDerivedType(typeof(TaskCompletedEvent), "taskCompleted")]
[JsonDerivedType(typeof(TaskFailedEvent), "taskFailed")]
[JsonDerivedType(typeof(TimerCreatedEvent), "timerCreated")]
[JsonDerivedType(typeof(TimerFiredEvent), "timerFired")]
[JsonDerivedType(typeof(ChildWorkflowInstanceCreatedEvent), "childWorkflowInstanceCreated")]
[JsonDerivedType(typeof(ChildWorkflowInstanceCompletedEvent), "childWorkflowInstanceCompleted")]
[JsonDerivedType(typeof(ChildWorkflowInstanceFailedEvent), "childWorkflowInstanceFailed")]
[JsonDerivedType(typeof(EventSentEvent), "eventSent")]
[JsonDerivedType(typeof(EventRaisedEvent), "eventRaised")]
[JsonDerivedType(typeof(ExecutionCompletedEvent), "executionCompleted")]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), "executionTerminated")]
[JsonDerivedType(typeof(ExecutionSuspendedEvent), "executionSuspended")]
[JsonDerivedType(typeof(ExecutionResumedEvent), "executionResumed")]
public abstract record HistoryEvent
{
    public int EventId { get; init; } = -1;
    public required DateTime Timestamp { get; init; }
}
