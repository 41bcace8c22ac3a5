using System.Text.Json;
using DaprShop.Actors;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// The durable home of one instance. A start (unless scheduled for later) or any other delivery (activity results,
/// events) runs the turn at once, in the same actor call: process the inbox, commit history + inbox + outbox in one
/// state write, turn timers into reminders, then send the outbox messages this turn added after the turn (so two
/// instances messaging each other never wait on each other's lock). Activity requests stay in the outbox until their
/// result arrives, so the periodic recovery reminder, which re-runs the turn and re-sends the whole outbox, repairs
/// whatever a crash interrupted until the instance is done.
/// </summary>
public sealed class WorkflowInstanceBehavior(
    IActorTurnContext actor, WorkflowTurnProcessor turns, OutboxDispatcher dispatcher, TimeProvider time, TimeSpan recoveryInterval)
{
    public const string StateKey = "state";
    public const string NewEventReminder = "new-event";
    public const string RecoveryReminder = "recovery";
    public const string TimerReminderPrefix = "timer-";

    /// <summary>Dapr.Actors' "fire once" period.</summary>
    public static readonly TimeSpan Once = Timeout.InfiniteTimeSpan;

    /// <summary>Runs the first turn in this call, as a delivery does; a start scheduled for later waits for its reminder.</summary>
    public async Task<bool> StartAsync(WorkflowMessage start)
    {
        var state = await LoadAsync();
        if (state.RuntimeStatus is WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Suspended)
        {
            return false;
        }
        await ApplyAsync(state, start.Event);
        return true;
    }

    /// <summary>
    /// Applies the message in this call rather than through a reminder: a result's round trip is then one state write,
    /// not an inbox write, a reminder registration and a turn's write. A crash before the write loses nothing: the
    /// sender has not heard back, and the request it answers is still in the outbox for recovery to send again.
    /// </summary>
    public async Task<bool> DeliverAsync(WorkflowMessage message)
    {
        var state = await LoadAsync();
        if (state.RuntimeStatus == WorkflowRuntimeStatus.Unknown && message.Event is not ExecutionStartedEvent)
        {
            return false;
        }
        await ApplyAsync(state, message.Event);
        return true;
    }

    public async Task<WorkflowInstanceMetadata?> GetMetadataAsync()
    {
        var state = await LoadAsync();
        if (state.Current is not { } current)
        {
            return null;
        }
        var ended = state.IsPendingStart ? null : state.Completed;
        return new WorkflowInstanceMetadata(
            current.InstanceId,
            current.Name,
            state.RuntimeStatus,
            state.CreatedAt!.Value,
            state.LastUpdatedAt!.Value,
            current.Input,
            ended?.Result,
            state.IsPendingStart ? null : state.CustomStatus,
            ended?.FailureDetails);
    }

    public async Task AcknowledgeDispatchAsync(OutboxAcknowledgement acknowledgement)
    {
        var state = await LoadAsync();
        var remaining = state.Outbox.Where(message => !acknowledgement.Dispatched.Contains(message)).ToList();
        var done = state.RuntimeStatus.IsTerminal() && remaining.Count == 0;
        await actor.SaveStateAsync(StateKey, state with { Outbox = remaining, RecoveryRegistered = state.RecoveryRegistered && !done });
        if (done)
        {
            await actor.UnregisterReminderAsync(RecoveryReminder);
        }
    }

    /// <summary>
    /// Deletes a terminal instance's state, then its children's (parents call children, never the reverse, so this
    /// cannot deadlock); false when the instance is missing or still live.
    /// </summary>
    public async Task<bool> PurgeAsync(IActorProxyFactory proxies, string workflowActorType)
    {
        var state = await LoadAsync();
        if (!state.RuntimeStatus.IsTerminal())
        {
            return false;
        }
        await actor.RemoveStateAsync(StateKey);
        await actor.UnregisterReminderAsync(RecoveryReminder);
        foreach (var childInstanceId in state.History.OfType<ChildWorkflowInstanceCreatedEvent>().Select(child => child.InstanceId).Distinct())
        {
            await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(childInstanceId), workflowActorType).PurgeAsync();
        }
        return true;
    }

    public async Task ReceiveReminderAsync(string reminderName, byte[] reminderState)
    {
        if (reminderName.StartsWith(TimerReminderPrefix, StringComparison.Ordinal))
        {
            var fired = JsonSerializer.Deserialize<TimerFiredEvent>(reminderState, WorkflowJson.Options)!;
            var current = await LoadAsync();
            // A timer of a purged or finished instance has nothing left to wake.
            if (current.RuntimeStatus is WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Suspended)
            {
                await actor.SaveStateAsync(StateKey, current with { Inbox = [.. current.Inbox, fired] });
            }
            await actor.UnregisterReminderAsync(reminderName);
        }
        await RunTurnAsync(await LoadAsync(), sendAll: true);
    }

    private static string TimerReminderName(TimerFiredEvent fired) => TimerReminderName(fired.ExecutionId, fired.TimerId);

    private static string TimerReminderName(string executionId, int timerId) => $"{TimerReminderPrefix}{executionId}-{timerId}";

    private async Task ApplyAsync(WorkflowRuntimeState state, HistoryEvent inboxEvent)
    {
        // Once until the instance is done rather than on every event: each registration rewrites stored reminders.
        if (!state.RecoveryRegistered)
        {
            await actor.RegisterReminderAsync(RecoveryReminder, null, recoveryInterval, recoveryInterval);
        }
        await RunTurnAsync(state with { Inbox = [.. state.Inbox, inboxEvent], RecoveryRegistered = true }, sendAll: false);
    }

    /// <param name="state">The stored state, plus what this call delivered to its inbox.</param>
    /// <param name="sendAll">
    /// Re-send the whole outbox (a reminder's turn, which may be repairing a crash), not only what this turn added
    /// (a delivery's turn: older messages are in flight or left to recovery).
    /// </param>
    private async Task RunTurnAsync(WorkflowRuntimeState state, bool sendAll)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var before = state.Outbox;
        var endedBefore = state.HasEnded;
        var changed = state.Inbox.Count > 0;
        if (changed)
        {
            state = turns.Process(state, now) with { RecoveryRegistered = state.RecoveryRegistered };
        }

        // Timers become reminders before the commit, so they leave the outbox in the same write. A crash in between
        // leaves a reminder whose TimerCreated was never committed: if it fires, the inbox drops it as the outcome of
        // nothing, and the turn, run again, registers it again (same name, so it overwrites).
        var timers = state.Outbox.OfType<TimerRequest>().ToList();
        foreach (var timer in timers)
        {
            await actor.RegisterReminderAsync(
                TimerReminderName(timer.Fired),
                JsonSerializer.SerializeToUtf8Bytes(timer.Fired, WorkflowJson.Options),
                Max(timer.Fired.FireAt - now, TimeSpan.Zero),
                Once);
        }
        if (timers.Count > 0)
        {
            state = state with { Outbox = state.Outbox.Except(timers).ToList() };
            changed = true;
        }

        // Done: nothing left to send for an ended (or vanished) instance. The flag is cleared in this commit, before
        // the reminder is unregistered below.
        var done = state.Outbox.Count == 0 && (state.RuntimeStatus.IsTerminal() || state.RuntimeStatus == WorkflowRuntimeStatus.Unknown);
        if (done && state.RecoveryRegistered)
        {
            state = state with { RecoveryRegistered = false };
            changed = true;
        }
        if (changed)
        {
            await actor.SaveStateAsync(StateKey, state);
        }

        if (!endedBefore && state.HasEnded)
        {
            await ForgetPendingTimersAsync(state);
        }

        if (state.IsPendingStart && state.PendingStart!.ScheduledStartTime is { } startAt)
        {
            await actor.RegisterReminderAsync(NewEventReminder, null, Max(startAt - now, TimeSpan.Zero), Once);
        }
        if (done)
        {
            await actor.UnregisterReminderAsync(RecoveryReminder);
        }
        else
        {
            var outbox = sendAll ? state.Outbox : state.Outbox.Except(before).ToList();
            if (outbox.Count > 0)
            {
                actor.RunAfterTurn(() => dispatcher.DispatchAsync(actor.Id.Id, outbox));
            }
        }
    }

    /// <summary>
    /// Unregisters the timers the ended execution created but never saw fire (a payment timeout the payment beat, say):
    /// left alone, each would fire later only to be ignored, and until then every reminder write in its storage
    /// partition rewrites it. A crash before this leaves them to that.
    /// </summary>
    private async Task ForgetPendingTimersAsync(WorkflowRuntimeState state)
    {
        var executionId = state.Started!.ExecutionId;
        var fired = state.History.OfType<TimerFiredEvent>().Select(timer => timer.TimerId).ToHashSet();
        foreach (var timer in state.History.OfType<TimerCreatedEvent>().Where(timer => !fired.Contains(timer.EventId)))
        {
            await actor.UnregisterReminderAsync(TimerReminderName(executionId, timer.EventId));
        }
    }

    private async Task<WorkflowRuntimeState> LoadAsync()
    {
        var stored = await actor.TryGetStateAsync<WorkflowRuntimeState>(StateKey);
        return stored.HasValue ? stored.Value : WorkflowRuntimeState.Empty;
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;
}
