namespace DaprShop.Workflow.History;

public sealed record TimerFiredEvent : CompletionEvent
{
    public required int TimerId { get; init; }
    public required DateTime FireAt { get; init; }
    public override int ScheduledEventId => TimerId;
    public override bool Resolves(SchedulingEvent scheduled) => scheduled is TimerCreatedEvent;
}
