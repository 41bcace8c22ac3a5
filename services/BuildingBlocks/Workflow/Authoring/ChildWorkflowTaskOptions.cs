namespace DaprShop.Workflow;

/// <summary>Options of a child workflow call; without an InstanceId a deterministic one is derived.</summary>
public record ChildWorkflowTaskOptions(string? InstanceId = null, WorkflowRetryPolicy? RetryPolicy = null, string? TargetAppId = null)
    : WorkflowTaskOptions(RetryPolicy, TargetAppId);
