using DaprShop.Actors;
using DaprShop.Workflow.Execution;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// Sends committed outbox messages to the activity and workflow actors they address. Every receiver deduplicates
/// (activity actors by key, instances by execution id, sequence number or delivery id), so re-sending is safe.
/// </summary>
public sealed class OutboxDispatcher(IActorProxyFactory proxies, WorkflowActorTypeNames actorTypes)
{
    /// <summary>Sends the messages of <paramref name="instanceId"/>'s outbox, then tells it which ones went out.</summary>
    public async Task DispatchAsync(string instanceId, IReadOnlyList<OutboxMessage> messages)
    {
        await SendAsync(messages);
        await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(instanceId), actorTypes.Workflow)
            .AcknowledgeDispatchAsync(new OutboxAcknowledgement(messages));
    }

    private async Task SendAsync(IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            switch (message)
            {
                case ActivityRequest activity:
                    await proxies.CreateActorProxy<IActivityActor>(new ActorId(activity.TaskExecutionKey), actorTypes.Activity).RunAsync(activity);
                    break;
                case InstanceMessage instanceMessage:
                    // A missing target (SendEvent to an unknown instance) answers false: dropped, as in Dapr.
                    await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(instanceMessage.TargetInstanceId), actorTypes.Workflow)
                        .DeliverAsync(new WorkflowMessage(instanceMessage.Event));
                    break;
                case TimerRequest:
                    throw new ArgumentException("Timers are reminders of the instance's own actor, not dispatched messages.", nameof(messages));
            }
        }
    }
}
