using DaprShop.Actors;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// Runs one scheduled activity at least once, in the call that dispatches it: the instance keeps the request in its
/// outbox until the result arrives, so a crash anywhere before that is repaired by the instance's recovery re-sending
/// the request, which runs the activity again (the instance drops a duplicate result). A completion marker, written
/// after the result was delivered, keeps a request re-sent after that (a recovery racing the first dispatch) from
/// running the activity a second time; the actor's turn lock makes such a re-send wait for the first run to finish.
/// </summary>
public sealed class ActivityBehavior(
    IActorTurnContext actor,
    WorkflowRuntimeOptions registrations,
    IServiceProvider services,
    IActorProxyFactory proxies,
    WorkflowActorTypeNames actorTypes,
    TimeProvider time)
{
    public const string CompletedKey = "completed";

    public async Task RunAsync(ActivityRequest request)
    {
        if ((await actor.TryGetStateAsync<bool>(CompletedKey)).HasValue)
        {
            return;
        }
        var outcome = await ExecuteAsync(request);
        await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(request.InstanceId), actorTypes.Workflow).DeliverAsync(new WorkflowMessage(outcome));
        await actor.SaveStateAsync(CompletedKey, true);
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
