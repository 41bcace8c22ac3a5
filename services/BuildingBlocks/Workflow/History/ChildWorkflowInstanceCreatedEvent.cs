namespace DaprShop.Workflow.History;

public sealed record ChildWorkflowInstanceCreatedEvent : SchedulingEvent
{
    public required string Name { get; init; }
    public required string InstanceId { get; init; }
    public string? Input { get; init; }
    public override string Describe() => $"CallChildWorkflow '{Name}' (instance '{InstanceId}')";
}
