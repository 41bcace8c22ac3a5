using DaprShop.Actors;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// Runs one scheduled activity at least once: the request is stored and a periodic reminder runs it and reports the
/// result to the instance; only after the instance accepted the result are the request and reminder removed, so a
/// crash anywhere before that runs the activity again (the instance drops the duplicate result). A completion marker
/// stays behind: the instance re-sends its outbox (recovery) until it hears the dispatch went out, so the same
/// request can arrive again after the activity finished, and must not run it a second time.
/// </summary>
public sealed class ActivityBehavior(
    IActorTurnContext actor,
    WorkflowRuntimeOptions registrations,
    IServiceProvider services,
    IActorProxyFactory proxies,
    WorkflowActorTypeNames actorTypes,
    TimeProvider time)
{
    public const string StateKey = "activityState";
    public const string CompletedKey = "completed";
    public const string RunReminder = "run-activity";

    public async Task RunAsync(ActivityRequest request)
    {
        if ((await actor.TryGetStateAsync<ActivityRequest>(StateKey)).HasValue || await IsCompletedAsync())
        {
            return;
        }
        // Reminder first: a stored request is taken as already scheduled (the check above), so a crash between the
        // two must never leave the request without its reminder. A reminder without a request just unregisters.
        await actor.RegisterReminderAsync(RunReminder, null, TimeSpan.Zero, registrations.RecoveryInterval);
        await actor.SaveStateAsync(StateKey, request);
    }

    public async Task ReceiveReminderAsync()
    {
        var stored = await actor.TryGetStateAsync<ActivityRequest>(StateKey);
        if (stored.HasValue && !await IsCompletedAsync())
        {
            var request = stored.Value;
            var outcome = await ExecuteAsync(request);
            await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(request.InstanceId), actorTypes.Workflow)
                .DeliverAsync(new WorkflowMessage(outcome));
            // Marked before the request goes: a crash in between must not leave a request that runs again.
            await actor.SaveStateAsync(CompletedKey, true);
        }
        await actor.RemoveStateAsync(StateKey);
        await actor.UnregisterReminderAsync(RunReminder);
    }

    private async Task<bool> IsCompletedAsync() => (await actor.TryGetStateAsync<bool>(CompletedKey)).HasValue;

    private async Task<HistoryEvent> ExecuteAsync(ActivityRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var activity = registrations.CreateActivity(request.Name, scope.ServiceProvider)
                ?? throw new InvalidOperationException($"No activity named '{request.Name}' is registered.");
            var context = new WorkflowActivityContext(request.Name, request.InstanceId, request.TaskExecutionKey);
            var result = await activity.RunAsync(context, WorkflowJson.Deserialize(request.Input, activity.InputType));
            return new TaskCompletedEvent
            {
                Timestamp = Now, ExecutionId = request.ExecutionId, TaskScheduledId = request.TaskScheduledId, Result = WorkflowJson.Serialize(result),
            };
        }
        catch (Exception exception)
        {
            return new TaskFailedEvent
            {
                Timestamp = Now, ExecutionId = request.ExecutionId, TaskScheduledId = request.TaskScheduledId,
                FailureDetails = WorkflowTaskFailureDetails.FromException(exception),
            };
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
