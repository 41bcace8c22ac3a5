namespace DaprShop.Workflow.History;

public sealed record ChildWorkflowInstanceCompletedEvent : CompletionEvent
{
    public required int TaskScheduledId { get; init; }
    public string? Result { get; init; }
    public override int ScheduledEventId => TaskScheduledId;
    public override bool Resolves(SchedulingEvent scheduled) => scheduled is ChildWorkflowInstanceCreatedEvent;
}
