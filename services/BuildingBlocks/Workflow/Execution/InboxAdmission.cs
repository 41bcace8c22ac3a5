using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Execution;

/// <summary>
/// Decides, event by event in arrival order, what a turn does with its inbox: apply it, keep it waiting (before the
/// start, or while suspended), or drop it (duplicates, late deliveries, anything after the instance ended).
/// </summary>
internal sealed class InboxAdmission
{
    private readonly DateTime _now;
    private readonly List<HistoryEvent> _applied = new();
    private readonly List<HistoryEvent> _waiting = new();
    private IReadOnlyList<HistoryEvent> _history;
    private string? _executionId;
    private bool _started;
    private bool _ended;
    private bool _suspended;

    private InboxAdmission(WorkflowRuntimeState state, DateTime now)
    {
        _now = now;
        _history = state.History;
        _executionId = state.Started?.ExecutionId;
        _started = state.Started is not null;
        _ended = state.HasEnded;
        _suspended = state.IsSuspended;
    }

    /// <summary>Events to append to history in this turn, after its OrchestratorStarted.</summary>
    public IReadOnlyList<HistoryEvent> Applied => _applied;

    /// <summary>Events that stay in the inbox for a later turn.</summary>
    public IReadOnlyList<HistoryEvent> Waiting => _waiting;

    /// <summary>A new start reused the ID of an ended instance: its turn starts from an empty history.</summary>
    public bool StartsNewGeneration { get; private set; }

    public static InboxAdmission Admit(WorkflowRuntimeState state, DateTime now)
    {
        var admission = new InboxAdmission(state, now);
        foreach (var inboxEvent in state.Inbox)
        {
            admission.Admit(inboxEvent);
        }
        return admission;
    }

    private void Admit(HistoryEvent inboxEvent)
    {
        if (inboxEvent is ExecutionStartedEvent start)
        {
            AdmitStart(start);
            return;
        }
        if (_ended)
        {
            return;
        }
        if (!_started)
        {
            _waiting.Add(inboxEvent);
            return;
        }
        switch (inboxEvent)
        {
            case ExecutionTerminatedEvent:
                _applied.Add(inboxEvent);
                _ended = true;
                break;
            case ExecutionSuspendedEvent when !_suspended:
                _applied.Add(inboxEvent);
                _suspended = true;
                break;
            case ExecutionResumedEvent when _suspended:
                _applied.Add(inboxEvent);
                _suspended = false;
                AdmitAgain(_waiting);
                break;
            case ExecutionSuspendedEvent or ExecutionResumedEvent:
                break;
            case var _ when _suspended:
                _waiting.Add(inboxEvent);
                break;
            case var _ when IsFresh(inboxEvent):
                _applied.Add(inboxEvent);
                break;
        }
    }

    private void AdmitStart(ExecutionStartedEvent start)
    {
        var isDuplicate = start.ExecutionId == _executionId || _waiting.OfType<ExecutionStartedEvent>().Any();
        var isLive = _started && !_ended;
        if (isDuplicate || isLive)
        {
            return;
        }
        if (start.ScheduledStartTime > _now)
        {
            _waiting.Add(start);
            return;
        }
        if (_ended)
        {
            StartsNewGeneration = true;
            _history = [];
            _applied.Clear();
            _ended = false;
            _suspended = false;
        }
        _started = true;
        _executionId = start.ExecutionId;
        _applied.Add(start);
        AdmitAgain(_waiting);
    }

    private void AdmitAgain(List<HistoryEvent> events)
    {
        var again = events.ToList();
        events.Clear();
        foreach (var waitingEvent in again)
        {
            Admit(waitingEvent);
        }
    }

    private bool IsFresh(HistoryEvent inboxEvent)
    {
        var known = _history.Concat(_applied);
        return inboxEvent switch
        {
            // A completion counts once, for a task this execution scheduled, of the kind that task waits for.
            CompletionEvent completion => completion.ExecutionId == _executionId
                && known.OfType<SchedulingEvent>().Any(scheduled => scheduled.EventId == completion.ScheduledEventId && completion.Resolves(scheduled))
                && !known.OfType<CompletionEvent>().Any(earlier => earlier.ScheduledEventId == completion.ScheduledEventId),
            EventRaisedEvent raised => raised.DeliveryId is null
                || !known.OfType<EventRaisedEvent>().Any(earlier => earlier.DeliveryId == raised.DeliveryId),
            _ => true,
        };
    }
}
