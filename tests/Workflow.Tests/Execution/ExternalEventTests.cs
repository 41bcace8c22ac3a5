using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.5 and §12.6: buffering, and the race between an event and its timeout timer.</summary>
public sealed class ExternalEventTests
{
    private static WorkflowHarness ApprovalWithTimeout()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Approval", async (context, _) =>
        {
            await context.CallActivityAsync("RequestApproval");
            try
            {
                return "approved by " + await context.WaitForExternalEventAsync<string>("Approval", TimeSpan.FromMinutes(30));
            }
            catch (TaskCanceledException)
            {
                // The late event is not lost: it is buffered for this next wait.
                return "timed out, then " + await context.WaitForExternalEventAsync<string>("Approval");
            }
        });
        return harness.Start("Approval");
    }

    [Fact]
    public void An_event_raised_before_the_wait_is_buffered_and_consumed_later_on_another_host()
    {
        var harness = ApprovalWithTimeout();
        harness.Turn();
        harness.Deliver(harness.Raised("approval", "alice")).Turn();
        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);

        harness.Deliver(harness.ActivityCompleted(0)).Turn();

        Assert.Equal("approved by alice", harness.Output<string>());
        Assert.DoesNotContain(harness.State.History, e => e is TimerCreatedEvent);
    }

    [Fact]
    public void When_the_event_is_applied_first_the_waiter_gets_it_and_the_later_timer_is_ignored()
    {
        var harness = ApprovalWithTimeout();
        harness.Turn();
        harness.Deliver(harness.ActivityCompleted(0)).Turn();
        var timeout = Assert.Single(harness.CreatedTimers);
        Assert.Equal(WorkflowHarness.T0.AddMinutes(30), timeout.FireAt);

        harness.Deliver(harness.Raised("Approval", "alice")).Turn();
        harness.Deliver(harness.TimerFired(timeout.EventId)).Turn();

        Assert.Equal("approved by alice", harness.Output<string>());
    }

    [Fact]
    public void When_the_timer_is_applied_first_the_wait_throws_TaskCanceled_and_the_late_event_is_buffered()
    {
        var harness = ApprovalWithTimeout();
        harness.Turn();
        harness.Deliver(harness.ActivityCompleted(0)).Turn();

        harness.Deliver(harness.TimerFired(1)).Turn();
        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);
        harness.Deliver(harness.Raised("Approval", "bob")).Turn();

        Assert.Equal("timed out, then bob", harness.Output<string>());
    }

    [Theory]
    [InlineData(true, "approved by alice")]
    [InlineData(false, "timed out, then alice")]
    public void In_one_batch_history_order_decides_and_replay_gives_the_same_winner(bool eventFirst, string expected)
    {
        var harness = ApprovalWithTimeout();
        harness.Turn();
        harness.Deliver(harness.ActivityCompleted(0)).Turn();

        HistoryEvent raised = harness.Raised("Approval", "alice"), fired = harness.TimerFired(1);
        harness.Deliver(eventFirst ? [raised, fired] : [fired, raised]).Turn();

        Assert.Equal(expected, harness.Output<string>());
        var replayed = harness.CreateExecutor().Execute(harness.State.History.SkipLast(1).ToList(), []);
        Assert.Equal(harness.State.Completed!.Result, Assert.IsType<WorkflowOutcome.Completed>(replayed.Outcome).Output);
    }

    [Fact]
    public void A_zero_timeout_throws_at_once_unless_the_event_is_already_buffered()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Poll", async (context, _) =>
        {
            try
            {
                return await context.WaitForExternalEventAsync<string>("Ping", TimeSpan.Zero);
            }
            catch (TaskCanceledException)
            {
                return "nothing yet";
            }
        });

        harness.Start("Poll").Turn();
        Assert.Equal("nothing yet", harness.Output<string>());

        var buffered = new WorkflowHarness("order-2");
        buffered.Workflows.RegisterWorkflow<object?, string>("Poll", async (context, _) =>
        {
            await context.CallActivityAsync("Prepare");
            return await context.WaitForExternalEventAsync<string>("Ping", TimeSpan.Zero);
        });
        buffered.Start("Poll").Deliver(buffered.Raised("ping", "pong")).Turn();
        buffered.Deliver(buffered.ActivityCompleted(0)).Turn();
        Assert.Equal("pong", buffered.Output<string>());
    }

    [Fact]
    public void SendEvent_records_EventSent_and_delivers_a_deduplicable_EventRaised_to_the_target()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, bool>("Notify", (context, _) =>
        {
            context.SendEvent("order-2", "Shipped", new { Carrier = "DHL" });
            return Task.FromResult(true);
        });

        harness.Start("Notify").Turn();

        var message = Assert.IsType<InstanceMessage>(Assert.Single(harness.Dispatch()));
        var raised = Assert.IsType<EventRaisedEvent>(message.Event);
        Assert.Equal(("order-2", "Shipped", """{"carrier":"DHL"}"""), (message.TargetInstanceId, raised.Name, raised.Input));
        Assert.NotNull(raised.DeliveryId);
        Assert.Single(harness.State.History.OfType<EventSentEvent>());
        Assert.Equal(WorkflowRuntimeStatus.Completed, harness.Status);
    }
}
