using DaprShop.Actors;
using DaprShop.Workflow.Execution;

namespace DaprShop.Workflow.Durability;

/// <summary>The workflow actor type: <see cref="WorkflowInstanceBehavior"/> hosted on DaprShop.Actors.</summary>
public sealed class WorkflowActor : EngineActor, IWorkflowActor, IRemindable
{
    private readonly WorkflowInstanceBehavior _behavior;

    public WorkflowActor(
        ActorHost host, WorkflowTurnProcessor turns, OutboxDispatcher dispatcher, TimeProvider time, WorkflowRuntimeOptions options)
        : base(host)
    {
        _behavior = new WorkflowInstanceBehavior(this, turns, dispatcher, time, options.RecoveryInterval);
    }

    public Task<bool> StartAsync(WorkflowMessage start) => _behavior.StartAsync(start);

    public Task<bool> DeliverAsync(WorkflowMessage message) => _behavior.DeliverAsync(message);

    public Task<WorkflowInstanceMetadata?> GetMetadataAsync() => _behavior.GetMetadataAsync();

    public Task AcknowledgeDispatchAsync(OutboxAcknowledgement acknowledgement) => _behavior.AcknowledgeDispatchAsync(acknowledgement);

    public Task<bool> PurgeAsync() => _behavior.PurgeAsync(Host.ProxyFactory, Host.ActorTypeName);

    public Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period) =>
        _behavior.ReceiveReminderAsync(reminderName, state);
}
