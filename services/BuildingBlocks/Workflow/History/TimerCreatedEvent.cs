namespace DaprShop.Workflow.History;

public sealed record TimerCreatedEvent : SchedulingEvent
{
    public required DateTime FireAt { get; init; }
    public override string Describe() => "CreateTimer";
}
