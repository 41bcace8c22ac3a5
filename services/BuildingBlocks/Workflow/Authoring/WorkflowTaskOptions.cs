namespace DaprShop.Workflow;

/// <summary>Options of an activity call. TargetAppId is accepted for API parity; cross-app calls are not supported.</summary>
public record WorkflowTaskOptions(WorkflowRetryPolicy? RetryPolicy = null, string? TargetAppId = null);

/// <summary>Options of a child workflow call; without an InstanceId a deterministic one is derived.</summary>
public record ChildWorkflowTaskOptions(string? InstanceId = null, WorkflowRetryPolicy? RetryPolicy = null, string? TargetAppId = null)
    : WorkflowTaskOptions(RetryPolicy, TargetAppId);
