namespace DaprShop.Workflow.History;

public sealed record EventSentEvent : SchedulingEvent
{
    public required string InstanceId { get; init; }
    public required string Name { get; init; }
    public string? Input { get; init; }
    public override string Describe() => $"SendEvent '{Name}' to '{InstanceId}'";
}
