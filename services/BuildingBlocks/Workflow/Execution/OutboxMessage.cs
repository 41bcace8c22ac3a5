using System.Text.Json.Serialization;
using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Execution;

/// <summary>
/// Work a turn hands to the durable layer, committed together with the history and dispatched afterwards. Each
/// message is idempotent by (instance, execution, sequence number), so a crash between commit and dispatch is fixed
/// by dispatching the stored outbox again.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ActivityRequest), "activity")]
[JsonDerivedType(typeof(TimerRequest), "timer")]
[JsonDerivedType(typeof(InstanceMessage), "message")]
public abstract record OutboxMessage;

/// <summary>Run an activity, then deliver TaskCompleted/TaskFailed to the instance.</summary>
public sealed record ActivityRequest(string InstanceId, string ExecutionId, int TaskScheduledId, string Name, string? Input) : OutboxMessage
{
    /// <summary>Stable across re-executions of this call; activities derive idempotency keys from it.</summary>
    public string TaskExecutionKey => $"{InstanceId}::{ExecutionId}::{TaskScheduledId}";
}

/// <summary>Deliver <see cref="Fired"/> to the instance once its FireAt is due.</summary>
public sealed record TimerRequest(string InstanceId, TimerFiredEvent Fired) : OutboxMessage;

/// <summary>Append <see cref="Event"/> to another instance's inbox (child start, event, parent result, terminate).</summary>
public sealed record InstanceMessage(string TargetInstanceId, HistoryEvent Event) : OutboxMessage;
