namespace DaprShop.Workflow.History;

public sealed record TaskScheduledEvent : SchedulingEvent
{
    public required string Name { get; init; }
    public string? Input { get; init; }
    public override string Describe() => $"CallActivity '{Name}'";
}
