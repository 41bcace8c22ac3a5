using DaprShop.Actors;

namespace DaprShop.Workflow.Durability;

/// <summary>One actor per workflow instance (actor id = instance id); every call only touches its own state.</summary>
public interface IWorkflowActor : IActor
{
    /// <summary>Queues a start; false when the instance is live (pending, running or suspended).</summary>
    Task<bool> StartAsync(WorkflowMessage start);

    /// <summary>Queues an event, completion or control message; false when the instance does not exist.</summary>
    Task<bool> DeliverAsync(WorkflowMessage message);

    Task<WorkflowInstanceMetadata?> GetMetadataAsync();

    /// <summary>Removes dispatched messages from the outbox.</summary>
    Task AcknowledgeDispatchAsync(OutboxAcknowledgement acknowledgement);

    /// <summary>Deletes a terminal instance and, recursively, its children; false when missing or not terminal.</summary>
    Task<bool> PurgeAsync();
}
