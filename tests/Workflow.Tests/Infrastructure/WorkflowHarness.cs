using System.Text.Json;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Workflow.Tests.Infrastructure;

/// <summary>
/// Drives one instance through the pure turn processor with a hand-moved clock: tests deliver events to the inbox,
/// run turns, and read the state and outbox. Every turn round-trips the state through JSON, as the actor does.
/// </summary>
internal sealed class WorkflowHarness
{
    public static readonly DateTime T0 = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    public WorkflowHarness(string instanceId = "order-1")
    {
        InstanceId = instanceId;
    }

    public string InstanceId { get; }
    public WorkflowRuntimeOptions Workflows { get; } = new();
    public CapturingLoggerProvider Logs { get; } = new();
    public DateTime Now { get; set; } = T0;
    public WorkflowRuntimeState State { get; private set; } = WorkflowRuntimeState.Empty;
    public string ExecutionId => State.Started!.ExecutionId;
    public WorkflowRuntimeStatus Status => State.RuntimeStatus;

    public WorkflowExecutor CreateExecutor() =>
        new(Workflows, new ServiceCollection().BuildServiceProvider(), LoggerFactory.Create(logging => logging.AddProvider(Logs)));

    public WorkflowHarness Start(string workflowName, object? input = null, string executionId = "execution-1", DateTime? startAt = null) =>
        Deliver(new ExecutionStartedEvent
        {
            Timestamp = Now,
            Name = workflowName,
            InstanceId = InstanceId,
            ExecutionId = executionId,
            Input = WorkflowJson.Serialize(input),
            ScheduledStartTime = startAt,
        });

    public WorkflowHarness Deliver(params HistoryEvent[] events)
    {
        State = State with { Inbox = [.. State.Inbox, .. events] };
        return this;
    }

    /// <summary>Runs one turn on a fresh processor (as another host would) over the JSON round-tripped state.</summary>
    public WorkflowRuntimeState Turn()
    {
        var persisted = JsonSerializer.Deserialize<WorkflowRuntimeState>(JsonSerializer.Serialize(State, WorkflowJson.Options), WorkflowJson.Options)!;
        State = new WorkflowTurnProcessor(CreateExecutor()).Process(persisted, Now);
        return State;
    }

    /// <summary>Takes the outbox as the actor's dispatch would.</summary>
    public IReadOnlyList<OutboxMessage> Dispatch()
    {
        var outbox = State.Outbox;
        State = State with { Outbox = [] };
        return outbox;
    }

    public TaskCompletedEvent ActivityCompleted(int taskScheduledId, object? result = null, string? executionId = null) =>
        new() { Timestamp = Now, ExecutionId = executionId ?? ExecutionId, TaskScheduledId = taskScheduledId, Result = WorkflowJson.Serialize(result) };

    public TaskFailedEvent ActivityFailed(int taskScheduledId, Exception exception) =>
        new() { Timestamp = Now, ExecutionId = ExecutionId, TaskScheduledId = taskScheduledId, FailureDetails = WorkflowTaskFailureDetails.FromException(exception) };

    public TimerFiredEvent TimerFired(int timerId, string? executionId = null) =>
        new() { Timestamp = Now, ExecutionId = executionId ?? ExecutionId, TimerId = timerId, FireAt = Now };

    public ChildWorkflowInstanceCompletedEvent ChildCompleted(int taskScheduledId, object? result) =>
        new() { Timestamp = Now, ExecutionId = ExecutionId, TaskScheduledId = taskScheduledId, Result = WorkflowJson.Serialize(result) };

    public ChildWorkflowInstanceFailedEvent ChildFailed(int taskScheduledId, WorkflowTaskFailureDetails failure) =>
        new() { Timestamp = Now, ExecutionId = ExecutionId, TaskScheduledId = taskScheduledId, FailureDetails = failure };

    public EventRaisedEvent Raised(string name, object? payload, string? deliveryId = null) =>
        new() { Timestamp = Now, Name = name, Input = WorkflowJson.Serialize(payload), DeliveryId = deliveryId };

    public IReadOnlyList<TaskScheduledEvent> ScheduledActivities => State.History.OfType<TaskScheduledEvent>().ToList();

    public IReadOnlyList<TimerCreatedEvent> CreatedTimers => State.History.OfType<TimerCreatedEvent>().ToList();

    public T Output<T>() => WorkflowJson.Deserialize<T>(State.Completed!.Result);

    public WorkflowTaskFailureDetails Failure => State.Completed!.FailureDetails!;
}
