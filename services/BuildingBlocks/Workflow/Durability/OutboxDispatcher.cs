using DaprShop.Actors;
using DaprShop.Workflow.Execution;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// Runs the committed outbox's activities (<see cref="ActivityRunner"/>) and sends its messages to the workflow actors
/// they address. Every receiver deduplicates (the runner by task key, instances by execution id, sequence number or
/// delivery id), so re-sending is safe.
/// </summary>
public sealed class OutboxDispatcher(IActorProxyFactory proxies, WorkflowActorTypeNames actorTypes, ActivityRunner activities)
{
    /// <summary>
    /// Runs the activities (each call returns once its result is delivered; they run side by side) and sends the
    /// instance messages, then tells <paramref name="instanceId"/> which instance messages went out. Activity requests
    /// need no acknowledgement: the instance drops one from its outbox when its result arrives.
    /// </summary>
    public async Task DispatchAsync(string instanceId, IReadOnlyList<OutboxMessage> messages) =>
        // Awaited together, so a failing send never leaves the others' outcomes unobserved.
        await Task.WhenAll([
            .. messages.OfType<ActivityRequest>().Select(activities.RunAsync),
            SendInstanceMessagesAsync(instanceId, [.. messages.OfType<InstanceMessage>()]),
        ]);

    private async Task SendInstanceMessagesAsync(string instanceId, IReadOnlyList<InstanceMessage> instanceMessages)
    {
        if (instanceMessages.Count == 0) return;
        foreach (var instanceMessage in instanceMessages)
        {
            // A missing target (SendEvent to an unknown instance) answers false: dropped, as in Dapr.
            await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(instanceMessage.TargetInstanceId), actorTypes.Workflow)
                .DeliverAsync(new WorkflowMessage(instanceMessage.Event));
        }
        await proxies.CreateActorProxy<IWorkflowActor>(new ActorId(instanceId), actorTypes.Workflow)
            .AcknowledgeDispatchAsync(new OutboxAcknowledgement(instanceMessages));
    }
}
