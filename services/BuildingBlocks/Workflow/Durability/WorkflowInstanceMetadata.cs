namespace DaprShop.Workflow.Durability;

/// <summary>What the workflow actor reports about its instance; payloads are JSON text.</summary>
public sealed record WorkflowInstanceMetadata(
    string InstanceId,
    string Name,
    WorkflowRuntimeStatus RuntimeStatus,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    string? Input,
    string? Output,
    string? CustomStatus,
    WorkflowTaskFailureDetails? FailureDetails);
