namespace DaprShop.Workflow.History;

/// <summary>
/// A history event written when the workflow's action with sequence number <see cref="HistoryEvent.EventId"/> was
/// applied. On replay it must meet a pending action of the same kind and identity, or the code is non-deterministic.
/// </summary>
public abstract record SchedulingEvent : HistoryEvent
{
    /// <summary>What the action was, in the words of a non-determinism diagnostic ("CallActivity 'Pay'").</summary>
    public abstract string Describe();
}
