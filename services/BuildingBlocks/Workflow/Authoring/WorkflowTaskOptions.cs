namespace DaprShop.Workflow;

/// <summary>Options of an activity call. TargetAppId is accepted for API parity; cross-app calls throw NotSupportedException.</summary>
public record WorkflowTaskOptions(WorkflowRetryPolicy? RetryPolicy = null, string? TargetAppId = null);
