using DaprShop.Actors;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// Runs each scheduled activity at least once, in this process, inside the call that dispatches it, then delivers the
/// result to its instance. The instance keeps the request in its outbox until the result arrives, so a crash anywhere
/// before that is repaired by recovery re-sending the request, which runs the activity again (the instance drops a
/// duplicate result). A request re-sent while its activity runs joins that run, and one re-sent after its result
/// was delivered (a recovery that read the outbox just before the delivery) is not run again: delivered activities
/// are remembered for a recovery interval. In process rather than on an actor per activity: the actor's round trip
/// through the sidecar, and its activation there and here, cost every activity two HTTP exchanges, and its turn lock
/// only did what joining a running request does here.
/// </summary>
public sealed class ActivityRunner(
    WorkflowRuntimeOptions registrations, IServiceProvider services, IActorProxyFactory proxies, WorkflowActorTypeNames actorTypes, TimeProvider time)
{
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly DeliveredActivities _delivered = new(registrations.RecoveryInterval, time);

    /// <summary>Completes once the activity ran and its result went out (or did lately); throws when this call's delivery failed.</summary>
    public Task RunAsync(ActivityRequest request)
    {
        TaskCompletionSource run;
        lock (_running)
        {
            if (_delivered.Contains(request.TaskExecutionKey)) return Task.CompletedTask;
            if (_running.TryGetValue(request.TaskExecutionKey, out var running)) return running;
            run = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _running.Add(request.TaskExecutionKey, run.Task);
        }
        return RunAndDeliverAsync(request, run);
    }

    private async Task RunAndDeliverAsync(ActivityRequest request, TaskCompletionSource run)
    {
        try
        {
            var outcome = await ExecuteAsync(request);
            await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(request.InstanceId), actorTypes.Workflow).DeliverAsync(new WorkflowMessage(outcome));
            lock (_running) _delivered.Add(request.TaskExecutionKey);
        }
        finally
        {
            lock (_running) _running.Remove(request.TaskExecutionKey);
            // A joined request only waits for the run: a failed delivery is reported to the first, and recovery re-sends.
            run.SetResult();
        }
    }

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
