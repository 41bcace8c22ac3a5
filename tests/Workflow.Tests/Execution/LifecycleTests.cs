using System.Text.Json;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>Start, delayed start, ID reuse (§12.15), custom status, timers and persistence of the state.</summary>
public sealed class LifecycleTests
{
    private static WorkflowHarness WaitingForEvent()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<string, string>("Echo", async (context, input) =>
            input + await context.WaitForExternalEventAsync<string>("Go"));
        return harness;
    }

    [Fact]
    public void A_second_start_of_a_live_instance_is_rejected()
    {
        var harness = WaitingForEvent();
        harness.Start("Echo", "first").Turn();

        harness.Start("Echo", "second", executionId: "execution-2").Turn();

        Assert.Equal(("\"first\"", "execution-1"), (harness.State.Started!.Input, harness.ExecutionId));
        Assert.Single(harness.State.History.OfType<ExecutionStartedEvent>());
    }

    [Fact]
    public void Reusing_the_id_of_an_ended_instance_starts_a_clean_generation_and_a_redelivered_start_does_not()
    {
        var harness = WaitingForEvent();
        harness.Start("Echo", "first").Deliver(harness.Raised("Go", "!")).Turn();
        Assert.Equal("first!", harness.Output<string>());

        harness.Start("Echo", "again", executionId: "execution-1").Turn();
        Assert.Equal(WorkflowRuntimeStatus.Completed, harness.Status);

        harness.Start("Echo", "second", executionId: "execution-2").Turn();
        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);
        Assert.Single(harness.State.History.OfType<ExecutionStartedEvent>());
        Assert.DoesNotContain(harness.State.History, e => e is ExecutionCompletedEvent or EventRaisedEvent);
    }

    [Fact]
    public void A_scheduled_start_stays_pending_with_its_early_events_until_it_is_due()
    {
        var harness = WaitingForEvent();
        harness.Start("Echo", "late", startAt: WorkflowHarness.T0.AddHours(1)).Deliver(harness.Raised("Go", "?")).Turn();
        Assert.Equal(WorkflowRuntimeStatus.Pending, harness.Status);
        Assert.Equal(WorkflowHarness.T0, harness.State.CreatedAt);

        harness.Now = WorkflowHarness.T0.AddHours(1);
        harness.Turn();

        Assert.Equal("late?", harness.Output<string>());
    }

    [Fact]
    public void A_cancelled_timer_detaches_and_its_late_firing_is_harmless()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Reminder", async (context, _) =>
        {
            using var cancellation = new CancellationTokenSource();
            var reminder = context.CreateTimer(TimeSpan.FromDays(1), cancellation.Token);
            var paid = await context.WaitForExternalEventAsync<string>("Paid");
            cancellation.Cancel();
            var reminderOutcome = reminder.IsCanceled ? "cancelled" : "fired";
            return $"{paid}, reminder {reminderOutcome}, then {await context.WaitForExternalEventAsync<string>("Shipped")}";
        });
        harness.Start("Reminder").Turn();
        harness.Deliver(harness.Raised("Paid", "paid")).Turn();

        harness.Deliver(harness.TimerFired(0), harness.Raised("Shipped", "shipped")).Turn();

        Assert.Equal("paid, reminder cancelled, then shipped", harness.Output<string>());
    }

    [Fact]
    public void Custom_status_is_kept_from_the_latest_turn()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Saga", async (context, _) =>
        {
            context.SetCustomStatus("reserving");
            await context.CallActivityAsync("Reserve");
            context.SetCustomStatus(new { step = "paying" });
            return await context.CallActivityAsync<string>("Pay");
        });
        harness.Start("Saga").Turn();
        Assert.Equal("\"reserving\"", harness.State.CustomStatus);

        harness.Deliver(harness.ActivityCompleted(0)).Turn();

        Assert.Equal("""{"step":"paying"}""", harness.State.CustomStatus);
    }

    [Fact]
    public void An_oversized_payload_fails_the_instance_without_recording_the_action()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Bloated", async (context, _) =>
        {
            await context.CallActivityAsync("Small");
            return await context.CallActivityAsync<string>("Upload", new string('x', 100));
        });
        harness.Start("Bloated").Turn();
        harness.Dispatch();
        var processor = new WorkflowTurnProcessor(harness.CreateExecutor(), maxPayloadBytes: 64);

        var state = processor.Process(harness.State with { Inbox = [harness.ActivityCompleted(0)] }, harness.Now);

        Assert.Equal(WorkflowRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Equal(WorkflowTurnProcessor.PayloadSizeExceededErrorType, state.Completed!.FailureDetails!.ErrorType);
        Assert.Contains("CallActivity 'Upload'", state.Completed.FailureDetails.ErrorMessage);
        Assert.DoesNotContain(state.History, e => e is TaskScheduledEvent { Name: "Upload" });
        Assert.Empty(state.Outbox);
    }

    [Fact]
    public void Every_event_kind_survives_a_json_round_trip()
    {
        var failure = new WorkflowTaskFailureDetails("System.Exception", "boom", "at x") { InnerFailure = new("Inner", "cause") };
        var t = WorkflowHarness.T0;
        HistoryEvent[] events =
        [
            new ExecutionStartedEvent { Timestamp = t, Name = "W", InstanceId = "i", ExecutionId = "e", Input = "1", Parent = new("p", "pe", 2), ScheduledStartTime = t },
            new OrchestratorStartedEvent { Timestamp = t },
            new TaskScheduledEvent { EventId = 0, Timestamp = t, Name = "A", Input = "2" },
            new TaskCompletedEvent { Timestamp = t, ExecutionId = "e", TaskScheduledId = 0, Result = "3" },
            new TaskFailedEvent { Timestamp = t, ExecutionId = "e", TaskScheduledId = 0, FailureDetails = failure },
            new TimerCreatedEvent { EventId = 1, Timestamp = t, FireAt = t },
            new TimerFiredEvent { Timestamp = t, ExecutionId = "e", TimerId = 1, FireAt = t },
            new ChildWorkflowInstanceCreatedEvent { EventId = 2, Timestamp = t, Name = "C", InstanceId = "c" },
            new ChildWorkflowInstanceCompletedEvent { Timestamp = t, ExecutionId = "e", TaskScheduledId = 2, Result = "4" },
            new ChildWorkflowInstanceFailedEvent { Timestamp = t, ExecutionId = "e", TaskScheduledId = 2, FailureDetails = failure },
            new EventSentEvent { EventId = 3, Timestamp = t, InstanceId = "o", Name = "N" },
            new EventRaisedEvent { Timestamp = t, Name = "N", Input = "5", DeliveryId = "d" },
            new ExecutionSuspendedEvent { Timestamp = t, Reason = "r" },
            new ExecutionResumedEvent { Timestamp = t },
            new ExecutionTerminatedEvent { Timestamp = t, Output = "6" },
            new ExecutionCompletedEvent { Timestamp = t, Status = WorkflowRuntimeStatus.Failed, FailureDetails = failure },
        ];

        var json = JsonSerializer.Serialize(events, WorkflowJson.Options);
        var roundTripped = JsonSerializer.Deserialize<HistoryEvent[]>(json, WorkflowJson.Options)!;

        Assert.Equal(events, roundTripped);
        Assert.Contains("\"status\":\"Failed\"", json);
    }
}
