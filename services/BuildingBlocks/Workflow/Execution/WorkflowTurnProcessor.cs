using System.Text;
using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Execution;

/// <summary>
/// One turn of an instance, as a pure function of its durable state and the time: admit the inbox, replay the code
/// over history plus the admitted events, and return the next state with its outbox. The caller commits that state
/// in one transaction and only then dispatches the outbox.
/// </summary>
public sealed class WorkflowTurnProcessor(WorkflowExecutor executor, int maxPayloadBytes = WorkflowTurnProcessor.DefaultMaxPayloadBytes)
{
    /// <summary>ErrorType reported to a parent whose child was terminated.</summary>
    public const string TerminatedErrorType = "WorkflowTerminated";

    /// <summary>ErrorType of an instance failed because the code produced a payload over the limit (Dapr's PAYLOAD_SIZE_EXCEEDED).</summary>
    public const string PayloadSizeExceededErrorType = "PayloadSizeExceeded";

    /// <summary>daprd's default gRPC message limit, which bounds every payload there.</summary>
    public const int DefaultMaxPayloadBytes = 4 * 1024 * 1024;

    public WorkflowRuntimeState Process(WorkflowRuntimeState state, DateTime now)
    {
        var admission = InboxAdmission.Admit(state, now);
        if (admission.Applied.Count == 0)
        {
            return state with { Inbox = admission.Waiting };
        }

        var past = admission.StartsNewGeneration ? [] : state.History;
        IReadOnlyList<HistoryEvent> newEvents = [new OrchestratorStartedEvent { Timestamp = now }, .. admission.Applied];
        var undispatched = state.Outbox.Where(message => !IsAnswered(message, newEvents)).ToList();
        var turn = new Turn(now, undispatched, admission.Waiting, admission.StartsNewGeneration ? null : state.CustomStatus);
        var afterAdmission = new WorkflowRuntimeState { History = [.. past, .. newEvents] };

        if (newEvents.OfType<ExecutionTerminatedEvent>().FirstOrDefault() is { } termination)
        {
            return Terminate(turn, afterAdmission, termination);
        }
        if (afterAdmission.IsSuspended)
        {
            // Suspended: record what arrived, but run no code and emit no actions until resumed.
            return turn.State([.. afterAdmission.History]);
        }
        return Replay(turn, past, newEvents);
    }

    private WorkflowRuntimeState Replay(Turn turn, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents)
    {
        while (true)
        {
            var result = executor.Execute(past, newEvents);
            List<HistoryEvent> history = [.. past, .. newEvents];
            var started = history.OfType<ExecutionStartedEvent>().First();
            if (OversizedPayload(result, newEvents) is { } oversized)
            {
                // Nothing the code produced in this turn is kept: no half-written history, no oversized state.
                var failure = new WorkflowTaskFailureDetails(PayloadSizeExceededErrorType, $"The {oversized} is larger than {maxPayloadBytes} bytes.");
                return Finish(turn, history, started, [], WorkflowRuntimeStatus.Failed, output: null, failure);
            }
            turn.CustomStatus = result.CustomStatus;
            switch (result.Outcome)
            {
                case null:
                    history.AddRange(result.NewActions);
                    turn.Outbox.AddRange(result.NewActions.Select(action => OutboxFor(action, started)));
                    return turn.State(history);
                case WorkflowOutcome.Completed completed:
                    return Finish(turn, history, started, result.NewActions, WorkflowRuntimeStatus.Completed, completed.Output, failure: null);
                case WorkflowOutcome.Failed failed:
                    return Finish(turn, history, started, result.NewActions, WorkflowRuntimeStatus.Failed, output: null, failed.FailureDetails);
                case WorkflowOutcome.ContinuedAsNew continued:
                    // The old generation's history, timers and tasks are discarded; only its sent events still go out.
                    turn.Outbox.AddRange(SentEvents(result.NewActions, started));
                    past = [];
                    newEvents =
                    [
                        new OrchestratorStartedEvent { Timestamp = turn.Now },
                        started with
                        {
                            Timestamp = turn.Now,
                            Input = continued.Input,
                            ExecutionId = NameBasedGuid.Create($"{started.ExecutionId}:continued").ToString("N"),
                        },
                        .. continued.CarryoverEvents,
                    ];
                    break;
            }
        }
    }

    private static WorkflowRuntimeState Finish(
        Turn turn,
        List<HistoryEvent> history,
        ExecutionStartedEvent started,
        IReadOnlyList<SchedulingEvent> lastActions,
        WorkflowRuntimeStatus status,
        string? output,
        WorkflowTaskFailureDetails? failure)
    {
        // Work the code started but never awaited dies with the execution; events it sent are still delivered.
        var sent = lastActions.OfType<EventSentEvent>().ToList();
        history.AddRange(sent);
        turn.Outbox.AddRange(SentEvents(sent, started));
        history.Add(new ExecutionCompletedEvent { Timestamp = turn.Now, Status = status, Result = output, FailureDetails = failure });
        turn.Outbox.AddRange(NotifyParent(started, turn.Now, status, output, failure));
        return turn.State(history);
    }

    private static WorkflowRuntimeState Terminate(Turn turn, WorkflowRuntimeState afterAdmission, ExecutionTerminatedEvent termination)
    {
        var started = afterAdmission.Started!;
        if (termination.Recurse)
        {
            turn.Outbox.AddRange(afterAdmission.RunningChildren().Select(child => new InstanceMessage(
                child.InstanceId,
                new ExecutionTerminatedEvent { Timestamp = turn.Now, Output = termination.Output, Recurse = true })));
        }
        var failure = new WorkflowTaskFailureDetails(TerminatedErrorType, $"Workflow instance '{started.InstanceId}' was terminated.");
        turn.Outbox.AddRange(NotifyParent(started, turn.Now, WorkflowRuntimeStatus.Terminated, termination.Output, failure));
        var completed = new ExecutionCompletedEvent { Timestamp = turn.Now, Status = WorkflowRuntimeStatus.Terminated, Result = termination.Output };
        return turn.State([.. afterAdmission.History, completed]);
    }

    private static IEnumerable<OutboxMessage> NotifyParent(
        ExecutionStartedEvent started, DateTime now, WorkflowRuntimeStatus status, string? output, WorkflowTaskFailureDetails? failure)
    {
        if (started.Parent is not { } parent)
        {
            yield break;
        }
        HistoryEvent outcome = status == WorkflowRuntimeStatus.Completed
            ? new ChildWorkflowInstanceCompletedEvent
            {
                Timestamp = now, ExecutionId = parent.ExecutionId, TaskScheduledId = parent.TaskScheduledId, Result = output,
            }
            : new ChildWorkflowInstanceFailedEvent
            {
                Timestamp = now, ExecutionId = parent.ExecutionId, TaskScheduledId = parent.TaskScheduledId, FailureDetails = failure!,
            };
        yield return new InstanceMessage(parent.InstanceId, outcome);
    }

    /// <summary>Names the first payload of this turn (start input or anything the code produced) over the limit.</summary>
    private string? OversizedPayload(ReplayResult result, IEnumerable<HistoryEvent> newEvents)
    {
        IEnumerable<(string What, string? Json)> payloads =
        [
            .. newEvents.OfType<ExecutionStartedEvent>().Select(start => ("workflow input", start.Input)),
            ("custom status", result.CustomStatus),
            .. result.NewActions.Select(action => ($"input of {action.Describe()}", action switch
            {
                TaskScheduledEvent task => task.Input,
                ChildWorkflowInstanceCreatedEvent child => child.Input,
                EventSentEvent sent => sent.Input,
                _ => null,
            })),
            result.Outcome switch
            {
                WorkflowOutcome.Completed completed => ("workflow output", completed.Output),
                WorkflowOutcome.ContinuedAsNew continued => ("ContinueAsNew input", continued.Input),
                _ => ("nothing", null),
            },
        ];
        return payloads.FirstOrDefault(payload => payload.Json is not null && Encoding.UTF8.GetByteCount(payload.Json) > maxPayloadBytes).What;
    }

    /// <summary>An activity request leaves the outbox when its result arrives; until then recovery re-sends it.</summary>
    private static bool IsAnswered(OutboxMessage message, IEnumerable<HistoryEvent> arrived) =>
        message is ActivityRequest request
        && arrived.OfType<CompletionEvent>().Any(completion =>
            completion.ExecutionId == request.ExecutionId && completion.ScheduledEventId == request.TaskScheduledId);

    private static IEnumerable<OutboxMessage> SentEvents(IEnumerable<SchedulingEvent> actions, ExecutionStartedEvent started) =>
        actions.OfType<EventSentEvent>().Select(sent => OutboxFor(sent, started));

    private static OutboxMessage OutboxFor(SchedulingEvent action, ExecutionStartedEvent started) => action switch
    {
        TaskScheduledEvent task => new ActivityRequest(started.InstanceId, started.ExecutionId, task.EventId, task.Name, task.Input),
        TimerCreatedEvent timer => new TimerRequest(
            started.InstanceId,
            new TimerFiredEvent { Timestamp = timer.FireAt, ExecutionId = started.ExecutionId, TimerId = timer.EventId, FireAt = timer.FireAt }),
        ChildWorkflowInstanceCreatedEvent child => new InstanceMessage(child.InstanceId, new ExecutionStartedEvent
        {
            Timestamp = child.Timestamp,
            Name = child.Name,
            InstanceId = child.InstanceId,
            // Derived, so a re-sent start after a crash is recognised by the child as the same start.
            ExecutionId = NameBasedGuid.Create($"{started.ExecutionId}:child:{child.EventId}").ToString("N"),
            Input = child.Input,
            Parent = new ParentInstance(started.InstanceId, started.ExecutionId, child.EventId),
        }),
        EventSentEvent sent => new InstanceMessage(sent.InstanceId, new EventRaisedEvent
        {
            Timestamp = sent.Timestamp,
            Name = sent.Name,
            Input = sent.Input,
            DeliveryId = $"{started.InstanceId}:{started.ExecutionId}:{sent.EventId}",
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action."),
    };

    /// <summary>What accumulates while one turn runs, and how it becomes the next state.</summary>
    private sealed class Turn(DateTime now, IReadOnlyList<OutboxMessage> undispatched, IReadOnlyList<HistoryEvent> waiting, string? customStatus)
    {
        public DateTime Now { get; } = now;
        public List<OutboxMessage> Outbox { get; } = [.. undispatched];
        public string? CustomStatus { get; set; } = customStatus;

        /// <summary>
        /// Activity requests wait in the outbox until answered (recovery re-sends them), except those of an execution
        /// that has ended or been continued as new: nothing will answer them.
        /// </summary>
        public WorkflowRuntimeState State(IReadOnlyList<HistoryEvent> history)
        {
            var liveExecutionId = history.OfType<ExecutionCompletedEvent>().Any() ? null : history.OfType<ExecutionStartedEvent>().FirstOrDefault()?.ExecutionId;
            var outbox = Outbox.Where(message => message is not ActivityRequest request || request.ExecutionId == liveExecutionId).ToList();
            return new() { History = history, Inbox = waiting, CustomStatus = CustomStatus, Outbox = outbox };
        }
    }
}
