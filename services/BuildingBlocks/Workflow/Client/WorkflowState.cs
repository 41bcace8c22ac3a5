using DaprShop.Workflow.Durability;
using DaprShop.Workflow.Execution;

namespace DaprShop.Workflow;

/// <summary>A snapshot of an instance (Dapr.Workflow's WorkflowState); payloads are read on demand.</summary>
public sealed class WorkflowState
{
    private readonly WorkflowInstanceMetadata? _metadata;
    private readonly bool _includesPayloads;

    internal WorkflowState(WorkflowInstanceMetadata? metadata, bool includesPayloads)
    {
        _metadata = metadata;
        _includesPayloads = includesPayloads;
    }

    public bool Exists => _metadata is not null;
    public string? WorkflowName => _metadata?.Name;
    public WorkflowRuntimeStatus RuntimeStatus => _metadata?.RuntimeStatus ?? WorkflowRuntimeStatus.Unknown;
    public bool IsWorkflowRunning => RuntimeStatus == WorkflowRuntimeStatus.Running;

    /// <summary>True once the instance reached a terminal status: Completed, Failed or Terminated.</summary>
    public bool IsWorkflowCompleted => RuntimeStatus.IsTerminal();

    public DateTimeOffset CreatedAt => _metadata is null ? default : new DateTimeOffset(_metadata.CreatedAt, TimeSpan.Zero);
    public DateTimeOffset LastUpdatedAt => _metadata is null ? default : new DateTimeOffset(_metadata.LastUpdatedAt, TimeSpan.Zero);
    public WorkflowTaskFailureDetails? FailureDetails => _metadata?.FailureDetails;

    public T? ReadInputAs<T>() => Read<T>(_metadata?.Input);
    public T? ReadOutputAs<T>() => Read<T>(_metadata?.Output);
    public T? ReadCustomStatusAs<T>() => WorkflowJson.Deserialize<T>(_metadata?.CustomStatus);

    private T? Read<T>(string? json) => _includesPayloads ? WorkflowJson.Deserialize<T>(json) : default;
}
