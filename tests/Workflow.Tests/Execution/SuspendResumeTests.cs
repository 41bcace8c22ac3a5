using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.11: while suspended, arrivals wait and no actions are emitted; resume applies them in order.</summary>
public sealed class SuspendResumeTests
{
    private static WorkflowHarness SuspendedCheckout()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Checkout", async (context, _) =>
        {
            var payment = await context.CallActivityAsync<string>("Pay");
            var shipping = await context.WaitForExternalEventAsync<string>("Shipped");
            return $"{payment}/{shipping}";
        });
        harness.Start("Checkout").Turn();
        harness.Dispatch();
        harness.Deliver(new ExecutionSuspendedEvent { Timestamp = harness.Now, Reason = "fraud check" }).Turn();
        return harness;
    }

    [Fact]
    public void Arrivals_while_suspended_wait_in_the_inbox_and_emit_nothing()
    {
        var harness = SuspendedCheckout();

        harness.Deliver(harness.ActivityCompleted(0, "paid"), harness.Raised("Shipped", "dhl")).Turn();

        Assert.Equal(WorkflowRuntimeStatus.Suspended, harness.Status);
        Assert.Equal(2, harness.State.Inbox.Count);
        Assert.Empty(harness.Dispatch());
        Assert.DoesNotContain(harness.State.History, e => e is TaskCompletedEvent);
    }

    [Fact]
    public void Resume_applies_what_waited_in_arrival_order()
    {
        var harness = SuspendedCheckout();
        harness.Deliver(harness.ActivityCompleted(0, "paid"), harness.Raised("Shipped", "dhl")).Turn();

        harness.Deliver(new ExecutionResumedEvent { Timestamp = harness.Now }).Turn();

        Assert.Equal("paid/dhl", harness.Output<string>());
        Assert.Empty(harness.State.Inbox);
    }

    [Fact]
    public void Terminate_bypasses_the_suspension()
    {
        var harness = SuspendedCheckout();

        harness.Deliver(new ExecutionTerminatedEvent { Timestamp = harness.Now, Output = "\"stopped\"" }).Turn();

        Assert.Equal(WorkflowRuntimeStatus.Terminated, harness.Status);
        Assert.Equal("stopped", harness.Output<string>());
    }

    [Fact]
    public void A_timer_that_fires_while_suspended_is_applied_after_resume()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Nap", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromMinutes(5));
            return "rested";
        });
        harness.Start("Nap").Turn();
        harness.Deliver(new ExecutionSuspendedEvent { Timestamp = harness.Now }).Turn();

        harness.Deliver(harness.TimerFired(0)).Turn();
        Assert.Equal((WorkflowRuntimeStatus.Suspended, 1), (harness.Status, harness.State.Inbox.Count));
        harness.Deliver(new ExecutionResumedEvent { Timestamp = harness.Now }).Turn();

        Assert.Equal("rested", harness.Output<string>());
    }
}
