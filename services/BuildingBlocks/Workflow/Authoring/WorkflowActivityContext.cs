namespace DaprShop.Workflow;

/// <summary>What an activity knows about its invocation.</summary>
public sealed record WorkflowActivityContext(string Name, string InstanceId, string TaskExecutionKey);
