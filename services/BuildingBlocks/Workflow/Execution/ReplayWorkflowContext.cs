using System.Text.Json;
using DaprShop.Workflow.History;
using Microsoft.Extensions.Logging;

namespace DaprShop.Workflow.Execution;

/// <summary>
/// The <see cref="WorkflowContext"/> of one replay. Every awaitable call takes the next sequence number and records a
/// pending action; replayed scheduling events consume those actions, completion events resolve the awaiting tasks
/// by sequence number, and external events go to the oldest waiter of that name or into the buffer.
/// </summary>
internal sealed class ReplayWorkflowContext(ExecutionStartedEvent started, ILoggerFactory loggerFactory) : WorkflowContext
{
    private readonly SortedDictionary<int, SchedulingEvent> _pendingActions = new();
    private readonly Dictionary<int, OpenTask> _openTasks = new();
    private readonly List<EventWaiter> _eventWaiters = new();
    private readonly List<EventRaisedEvent> _bufferedEvents = new();
    private int _nextSequenceNumber;
    private int _newGuidCounter;

    private sealed record OpenTask(SchedulingEvent Scheduled, Action<CompletionEvent> OnCompletion);

    private sealed record EventWaiter(string Name, Action<EventRaisedEvent> Deliver);

    public override string Name => started.Name;
    public override string InstanceId => started.InstanceId;
    public override DateTime CurrentUtcDateTime => CurrentTurnStartedAt;
    public override bool IsReplaying => Replaying;

    internal DateTime CurrentTurnStartedAt { get; set; }
    internal bool Replaying { get; set; }
    internal string? CustomStatus { get; private set; }
    internal (string? Input, bool PreserveUnprocessedEvents)? ContinueAsNewRequest { get; private set; }
    internal IReadOnlyList<SchedulingEvent> PendingActions => _pendingActions.Values.ToList();
    internal IReadOnlyList<EventRaisedEvent> UnconsumedEvents => _bufferedEvents;

    public override Task<T> CallActivityAsync<T>(string name, object? input = null, WorkflowTaskOptions? options = null)
    {
        RejectCrossAppCall(options);
        var serializedInput = WorkflowJson.Serialize(input);
        return WithRetries(options?.RetryPolicy, () =>
        {
            var completion = NewCompletionSource<T>();
            ScheduleAction(
                id => new TaskScheduledEvent { EventId = id, Timestamp = CurrentUtcDateTime, Name = name, Input = serializedInput },
                outcome => Resolve(completion, outcome, failure => $"Activity '{name}' failed: {failure.ErrorMessage}"));
            return completion.Task;
        });
    }

    public override Task<TResult> CallChildWorkflowAsync<TResult>(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null)
    {
        RejectCrossAppCall(options);
        var serializedInput = WorkflowJson.Serialize(input);
        // Taken once, before any retry, so every attempt targets the same child (Dapr's first-child rule).
        var childInstanceId = options?.InstanceId ?? NewGuid().ToString();
        return WithRetries(options?.RetryPolicy, () =>
        {
            var completion = NewCompletionSource<TResult>();
            ScheduleAction(
                id => new ChildWorkflowInstanceCreatedEvent
                {
                    EventId = id, Timestamp = CurrentUtcDateTime, Name = workflowName, InstanceId = childInstanceId, Input = serializedInput,
                },
                outcome => Resolve(completion, outcome, failure => $"Child workflow '{workflowName}' ({childInstanceId}) failed: {failure.ErrorMessage}"));
            return completion.Task;
        });
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var fired = NewCompletionSource<bool>();
        var timerId = ScheduleAction(
            id => new TimerCreatedEvent { EventId = id, Timestamp = CurrentUtcDateTime, FireAt = fireAt },
            _ => fired.TrySetResult(true));
        if (cancellationToken.CanBeCanceled)
        {
            // Cancelling only detaches the awaiter: the TimerCreated stays in history and its TimerFired is ignored.
            cancellationToken.Register(() =>
            {
                _openTasks.Remove(timerId);
                fired.TrySetCanceled(cancellationToken);
            });
        }
        return fired.Task;
    }

    public override Task<T> WaitForExternalEventAsync<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var received = NewCompletionSource<T>();
        if (TryTakeBufferedEvent(eventName, received))
        {
            return received.Task;
        }
        var waiter = AddEventWaiter(eventName, received, onDelivered: null);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (_eventWaiters.Remove(waiter))
                {
                    received.TrySetCanceled(cancellationToken);
                }
            });
        }
        return received.Task;
    }

    public override Task<T> WaitForExternalEventAsync<T>(string eventName, TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            return WaitForExternalEventAsync<T>(eventName);
        }
        var received = NewCompletionSource<T>();
        if (TryTakeBufferedEvent(eventName, received))
        {
            return received.Task;
        }
        if (timeout == TimeSpan.Zero)
        {
            received.SetCanceled();
            return received.Task;
        }

        // The event and a durable timer race; whichever history applies first wins, on every replay alike.
        var timeoutTimerId = -1;
        var waiter = AddEventWaiter(eventName, received, onDelivered: () => _openTasks.Remove(timeoutTimerId));
        timeoutTimerId = ScheduleAction(
            id => new TimerCreatedEvent { EventId = id, Timestamp = CurrentUtcDateTime, FireAt = CurrentUtcDateTime + timeout },
            _ =>
            {
                if (_eventWaiters.Remove(waiter))
                {
                    received.TrySetCanceled();
                }
            });
        return received.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        var serializedPayload = WorkflowJson.Serialize(payload);
        ScheduleAction(
            id => new EventSentEvent { EventId = id, Timestamp = CurrentUtcDateTime, InstanceId = instanceId, Name = eventName, Input = serializedPayload },
            onCompletion: null);
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatus = WorkflowJson.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (WorkflowJson.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid() => NameBasedGuid.Create($"{InstanceId}_{CurrentUtcDateTime:o}_{_newGuidCounter++}");

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(loggerFactory.CreateLogger(categoryName), this);

    /// <summary>
    /// Consumes the pending action a replayed scheduling event records; returns a diagnostic when the code did not
    /// issue that same action at that sequence number.
    /// </summary>
    internal string? MatchRecordedAction(SchedulingEvent recorded)
    {
        var previously = $"A previous execution called {recorded.Describe()} with sequence number {recorded.EventId}";
        if (!_pendingActions.Remove(recorded.EventId, out var issued))
        {
            return $"{previously}, but the current execution doesn't have an action with this sequence number.";
        }
        return issued.Describe() == recorded.Describe()
            ? null
            : $"{previously}, but the current execution called {issued.Describe()} instead.";
    }

    /// <summary>Resolves the task awaiting this outcome; outcomes of unknown or already resolved tasks are ignored.</summary>
    internal void ApplyCompletion(CompletionEvent completion)
    {
        if (_openTasks.TryGetValue(completion.ScheduledEventId, out var openTask) && completion.Resolves(openTask.Scheduled))
        {
            _openTasks.Remove(completion.ScheduledEventId);
            ResolveOnReplayThread(() => openTask.OnCompletion(completion));
        }
    }

    internal void ApplyEventRaised(EventRaisedEvent raised)
    {
        var waiter = _eventWaiters.FirstOrDefault(candidate => NamesMatch(candidate.Name, raised.Name));
        if (waiter is null)
        {
            _bufferedEvents.Add(raised);
            return;
        }
        _eventWaiters.Remove(waiter);
        ResolveOnReplayThread(() => waiter.Deliver(raised));
    }

    /// <summary>
    /// True while the workflow can still be resumed by history: some task or event waiter is open. An unfinished
    /// workflow with neither awaits something the engine can never complete (Task.Delay, Task.Run, I/O).
    /// </summary>
    internal bool HasOpenAwaits => _openTasks.Count > 0 || _eventWaiters.Count > 0;

    private int ScheduleAction(Func<int, SchedulingEvent> describeAction, Action<CompletionEvent>? onCompletion)
    {
        EnsureOnReplayThread();
        var id = _nextSequenceNumber++;
        var action = describeAction(id);
        _pendingActions.Add(id, action);
        if (onCompletion is not null)
        {
            _openTasks.Add(id, new OpenTask(action, onCompletion));
        }
        return id;
    }

    private async Task<T> WithRetries<T>(WorkflowRetryPolicy? retryPolicy, Func<Task<T>> attempt)
    {
        if (retryPolicy is null)
        {
            return await attempt();
        }
        var firstAttemptAt = CurrentUtcDateTime;
        for (var failedAttempt = 0; ; failedAttempt++)
        {
            try
            {
                return await attempt();
            }
            catch (WorkflowTaskFailedException) when (retryPolicy.NextDelay(failedAttempt, firstAttemptAt, CurrentUtcDateTime) is { } delay)
            {
                await CreateTimer(delay);
            }
        }
    }

    private EventWaiter AddEventWaiter<T>(string eventName, TaskCompletionSource<T> received, Action? onDelivered)
    {
        EnsureOnReplayThread();
        var waiter = new EventWaiter(eventName, raised =>
        {
            onDelivered?.Invoke();
            SetResultFromJson(received, raised.Input);
        });
        _eventWaiters.Add(waiter);
        return waiter;
    }

    private bool TryTakeBufferedEvent<T>(string eventName, TaskCompletionSource<T> received)
    {
        var index = _bufferedEvents.FindIndex(buffered => NamesMatch(buffered.Name, eventName));
        if (index < 0)
        {
            return false;
        }
        var buffered = _bufferedEvents[index];
        _bufferedEvents.RemoveAt(index);
        SetResultFromJson(received, buffered.Input);
        return true;
    }

    /// <summary>
    /// Code that resumed on the thread pool would race the replay; refuse before it touches any state. The instance
    /// then fails instead of recording actions in an order no replay can reproduce.
    /// </summary>
    private static void EnsureOnReplayThread()
    {
        if (SynchronizationContext.Current is not WorkflowSynchronizationContext)
        {
            throw new InvalidOperationException($"Workflow code resumed off the replay thread. {WorkflowSynchronizationContext.DeterminismHint}");
        }
    }

    private static bool NamesMatch(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Continuations run synchronously, on the thread that resolves the task: the replay thread, from its queue
    /// (<see cref="ResolveOnReplayThread"/>). Asynchronous continuations would put those inside Task.WhenAny/WhenAll
    /// on the thread pool, racing the replay: the code would see a fired timer or a result in some replays and not
    /// in others.
    /// </summary>
    private static TaskCompletionSource<T> NewCompletionSource<T>() => new();

    /// <summary>Queues the resolution after this event's bookkeeping, so the code it resumes never runs in the middle of it.</summary>
    private static void ResolveOnReplayThread(Action resolve) => SynchronizationContext.Current!.Post(_ => resolve(), null);

    private static void Resolve<T>(TaskCompletionSource<T> completion, CompletionEvent outcome, Func<WorkflowTaskFailureDetails, string> describeFailure)
    {
        switch (outcome)
        {
            case TaskCompletedEvent completed:
                SetResultFromJson(completion, completed.Result);
                break;
            case ChildWorkflowInstanceCompletedEvent completed:
                SetResultFromJson(completion, completed.Result);
                break;
            case TaskFailedEvent failed:
                completion.SetException(new WorkflowTaskFailedException(describeFailure(failed.FailureDetails), failed.FailureDetails));
                break;
            case ChildWorkflowInstanceFailedEvent failed:
                completion.SetException(new WorkflowTaskFailedException(describeFailure(failed.FailureDetails), failed.FailureDetails));
                break;
        }
    }

    private static void SetResultFromJson<T>(TaskCompletionSource<T> completion, string? json)
    {
        try
        {
            completion.TrySetResult(WorkflowJson.Deserialize<T>(json));
        }
        catch (JsonException exception)
        {
            completion.TrySetException(exception);
        }
    }

    private static void RejectCrossAppCall(WorkflowTaskOptions? options)
    {
        if (options?.TargetAppId is not null)
        {
            throw new NotSupportedException("Cross-app workflow calls (TargetAppId) are not supported by this engine.");
        }
    }
}
