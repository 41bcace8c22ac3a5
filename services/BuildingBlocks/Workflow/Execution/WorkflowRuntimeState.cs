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

    /// <summary>
    /// The instance's periodic recovery reminder is registered (set only after registering, cleared before
    /// unregistering), so delivering an event need not register it again.
    /// </summary>
    public bool RecoveryRegistered { get; init; }

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

    /// <summary>The execution in history ended (it holds ExecutionCompleted); a reuse of the ID may be queued.</summary>
    [JsonIgnore]
    public bool HasEnded => Completed is not null;

    /// <summary>A start is queued and no execution is live: a new instance, a delayed start, or the reuse of an ended ID.</summary>
    [JsonIgnore]
    public bool IsPendingStart => PendingStart is not null && (Started is null || HasEnded);

    [JsonIgnore]
    public WorkflowRuntimeStatus RuntimeStatus =>
        IsPendingStart ? WorkflowRuntimeStatus.Pending
        : Completed?.Status
        ?? (IsSuspended ? WorkflowRuntimeStatus.Suspended
            : Started is not null ? WorkflowRuntimeStatus.Running
            : WorkflowRuntimeStatus.Unknown);

    /// <summary>The execution the status describes: the queued one while pending, else the one in history.</summary>
    [JsonIgnore]
    public ExecutionStartedEvent? Current => IsPendingStart ? PendingStart : Started;

    [JsonIgnore]
    public DateTime? CreatedAt => Current?.Timestamp;

    [JsonIgnore]
    public DateTime? LastUpdatedAt => IsPendingStart ? PendingStart!.Timestamp : History.LastOrDefault()?.Timestamp;

    /// <summary>Children created by this execution that have not reported back.</summary>
    public IEnumerable<ChildWorkflowInstanceCreatedEvent> RunningChildren() =>
        History.OfType<ChildWorkflowInstanceCreatedEvent>()
            .Where(child => !History.OfType<CompletionEvent>().Any(outcome => outcome.ScheduledEventId == child.EventId && outcome.Resolves(child)));
}
