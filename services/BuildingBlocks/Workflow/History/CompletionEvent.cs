using System.Text.Json.Serialization;

namespace DaprShop.Workflow.History;

/// <summary>
/// The outcome of a scheduling event (activity result, timer, child result). It names the execution it belongs to
/// so that a late delivery from before a ContinueAsNew or an ID reuse cannot resolve a task of the new execution
/// that happens to have the same sequence number.
/// </summary>
public abstract record CompletionEvent : HistoryEvent
{
    public required string ExecutionId { get; init; }

    [JsonIgnore]
    public abstract int ScheduledEventId { get; }

    /// <summary>Whether this is the kind of outcome <paramref name="scheduled"/> waits for.</summary>
    public abstract bool Resolves(SchedulingEvent scheduled);
}
