namespace DaprShop.Workflow.History;

/// <summary>The parent of a child workflow, and the sequence number under which the parent awaits it.</summary>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskScheduledId);
