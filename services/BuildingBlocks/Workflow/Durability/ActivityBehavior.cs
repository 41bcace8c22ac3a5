using DaprShop.Actors;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// Runs one scheduled activity at least once, in the call that dispatches it: the instance keeps the request in its
/// outbox until the result arrives, so a crash anywhere before that is repaired by the instance's recovery re-sending
/// the request, which runs the activity again (the instance drops a duplicate result). The activation remembers that it
/// delivered the result, so a request re-sent meanwhile (a recovery racing the first dispatch, which the actor's turn
/// lock makes wait for the first run) does not run the activity a second time. Remembered in memory, not in state: only
/// a request still in the outbox is ever re-sent, and after a crash that means its result was never delivered, so the
/// activity has to run again anyway; a stored marker cost every activity a state read and a state write.
/// </summary>
public sealed class ActivityBehavior(
    WorkflowRuntimeOptions registrations,
    IServiceProvider services,
    IActorProxyFactory proxies,
    WorkflowActorTypeNames actorTypes,
    TimeProvider time)
{
    private bool _delivered;

    public async Task RunAsync(ActivityRequest request)
    {
        if (_delivered) return;
        var outcome = await ExecuteAsync(request);
        await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(request.InstanceId), actorTypes.Workflow).DeliverAsync(new WorkflowMessage(outcome));
        _delivered = true;
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
