namespace DaprShop.Workflow.Execution;

/// <summary>Run an activity, then deliver TaskCompleted/TaskFailed to the instance.</summary>
public sealed record ActivityRequest(string InstanceId, string ExecutionId, int TaskScheduledId, string Name, string? Input) : OutboxMessage
{
    /// <summary>Stable across re-executions of this call; activities derive idempotency keys from it.</summary>
    public string TaskExecutionKey => $"{InstanceId}::{ExecutionId}::{TaskScheduledId}";
}
