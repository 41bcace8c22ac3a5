using System.Text.Json.Serialization;
using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Execution;

/// <summary>
/// Everything durable about one instance: its history, the inbox of events not applied yet, the custom status and
/// the outbox of the last commit not dispatched yet. Status and timestamps are derived from the history.
/// </summary>
public sealed record WorkflowRuntimeState
{
    public static readonly WorkflowRuntimeState Empty = new();

    public IReadOnlyList<HistoryEvent> History { get; init; } = [];
    public IReadOnlyList<HistoryEvent> Inbox { get; init; } = [];
    public string? CustomStatus { get; init; }
    public IReadOnlyList<OutboxMessage> Outbox { get; init; } = [];

    [JsonIgnore]
    public ExecutionStartedEvent? Started => History.OfType<ExecutionStartedEvent>().FirstOrDefault();

    /// <summary>A start waiting in the inbox (delivered but not applied yet, or scheduled for later).</summary>
    [JsonIgnore]
    public ExecutionStartedEvent? PendingStart => Inbox.OfType<ExecutionStartedEvent>().FirstOrDefault();

    [JsonIgnore]
    public ExecutionCompletedEvent? Completed => History.OfType<ExecutionCompletedEvent>().FirstOrDefault();

    [JsonIgnore]
    public bool IsSuspended =>
        Completed is null && History.LastOrDefault(e => e is ExecutionSuspendedEvent or ExecutionResumedEvent) is ExecutionSuspendedEvent;

    [JsonIgnore]
    public bool IsTerminal => Completed is not null;

    [JsonIgnore]
    public WorkflowRuntimeStatus RuntimeStatus =>
        Completed?.Status
        ?? (IsSuspended ? WorkflowRuntimeStatus.Suspended
            : Started is not null ? WorkflowRuntimeStatus.Running
            : PendingStart is not null ? WorkflowRuntimeStatus.Pending
            : WorkflowRuntimeStatus.Unknown);

    [JsonIgnore]
    public DateTime? CreatedAt => (Started ?? PendingStart)?.Timestamp;

    [JsonIgnore]
    public DateTime? LastUpdatedAt => History.Count > 0 ? History[^1].Timestamp : PendingStart?.Timestamp;

    /// <summary>Children created by this execution that have not reported back.</summary>
    public IEnumerable<ChildWorkflowInstanceCreatedEvent> RunningChildren() =>
        History.OfType<ChildWorkflowInstanceCreatedEvent>()
            .Where(child => !History.OfType<CompletionEvent>().Any(outcome => outcome.ScheduledEventId == child.EventId && outcome.Resolves(child)));
}
