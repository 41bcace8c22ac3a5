using DaprShop.Actors;
using DaprShop.Workflow.Durability;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;

namespace DaprShop.Workflow;

/// <summary>
/// Starts and manages workflow instances (Dapr.Workflow's DaprWorkflowClient). Every operation is a call to the
/// instance's workflow actor; starts and control messages are queued there and applied by its next turn.
/// </summary>
public sealed class DaprWorkflowClient(IActorProxyFactory proxies, WorkflowActorTypeNames actorTypes, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Returns the instance id; throws when an instance with that id is still live.</summary>
    public async Task<string> ScheduleNewWorkflowAsync(string name, string? instanceId = null, object? input = null, DateTime? startTime = null)
    {
        var id = instanceId ?? Guid.NewGuid().ToString("N");
        var start = new ExecutionStartedEvent
        {
            Timestamp = Now,
            Name = name,
            InstanceId = id,
            ExecutionId = Guid.NewGuid().ToString("N"),
            Input = WorkflowJson.Serialize(input),
            ScheduledStartTime = startTime?.ToUniversalTime(),
        };
        if (!await Instance(id).StartAsync(new WorkflowMessage(start)))
        {
            throw new InvalidOperationException($"Workflow instance '{id}' is already running.");
        }
        return id;
    }

    public async Task<WorkflowState> GetWorkflowStateAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new WorkflowState(await Instance(instanceId).GetMetadataAsync(), getInputsAndOutputs);
    }

    public Task<WorkflowState> WaitForWorkflowStartAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default) =>
        PollUntilAsync(instanceId, getInputsAndOutputs, state => state.Exists && state.RuntimeStatus != WorkflowRuntimeStatus.Pending, cancellationToken);

    public Task<WorkflowState> WaitForWorkflowCompletionAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken cancellationToken = default) =>
        PollUntilAsync(instanceId, getInputsAndOutputs, state => state.IsWorkflowCompleted, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        DeliverAsync(instanceId, new EventRaisedEvent
        {
            Timestamp = Now, Name = eventName, Input = WorkflowJson.Serialize(eventPayload), DeliveryId = Guid.NewGuid().ToString("N"),
        }, cancellationToken);

    /// <summary>Terminates the instance and, recursively, its running children.</summary>
    public Task TerminateWorkflowAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        DeliverAsync(instanceId, new ExecutionTerminatedEvent { Timestamp = Now, Output = WorkflowJson.Serialize(output), Recurse = true }, cancellationToken);

    public Task SuspendWorkflowAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        DeliverAsync(instanceId, new ExecutionSuspendedEvent { Timestamp = Now, Reason = reason }, cancellationToken);

    public Task ResumeWorkflowAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        DeliverAsync(instanceId, new ExecutionResumedEvent { Timestamp = Now, Reason = reason }, cancellationToken);

    /// <summary>Deletes a terminal instance and its children; false when it is missing or still live.</summary>
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Instance(instanceId).PurgeAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private IWorkflowActor Instance(string instanceId) => proxies.CreateActorProxy<IWorkflowActor>(new ActorId(instanceId), actorTypes.Workflow);

    private async Task DeliverAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!await Instance(instanceId).DeliverAsync(new WorkflowMessage(message)))
        {
            throw new InvalidOperationException($"Workflow instance '{instanceId}' does not exist.");
        }
    }

    private async Task<WorkflowState> PollUntilAsync(string instanceId, bool getInputsAndOutputs, Func<WorkflowState, bool> done, CancellationToken cancellationToken)
    {
        for (var interval = FirstPollInterval; ; interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks)))
        {
            var state = await GetWorkflowStateAsync(instanceId, getInputsAndOutputs, cancellationToken);
            if (done(state))
            {
                return state;
            }
            await Task.Delay(interval, time, cancellationToken);
        }
    }
}
