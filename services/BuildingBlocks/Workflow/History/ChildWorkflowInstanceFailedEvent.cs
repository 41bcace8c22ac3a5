namespace DaprShop.Workflow.History;

public sealed record ChildWorkflowInstanceFailedEvent : CompletionEvent
{
    public required int TaskScheduledId { get; init; }
    public required WorkflowTaskFailureDetails FailureDetails { get; init; }
    public override int ScheduledEventId => TaskScheduledId;
    public override bool Resolves(SchedulingEvent scheduled) => scheduled is ChildWorkflowInstanceCreatedEvent;
}
