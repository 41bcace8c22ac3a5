using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.3 and §12.4: redelivered completions and events count once and are never routed elsewhere.</summary>
public sealed class DeduplicationTests
{
    private static WorkflowHarness TwoActivities()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Two", async (context, _) =>
        {
            var first = await context.CallActivityAsync<string>("First");
            var second = await context.CallActivityAsync<string>("Second");
            return first + second;
        });
        return harness.Start("Two");
    }

    [Fact]
    public void A_completion_delivered_twice_in_one_batch_is_applied_once()
    {
        var harness = TwoActivities();
        harness.Turn();

        harness.Deliver(harness.ActivityCompleted(0, "a"), harness.ActivityCompleted(0, "a")).Turn();

        Assert.Single(harness.State.History.OfType<TaskCompletedEvent>());
        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);
    }

    [Fact]
    public void A_completion_redelivered_in_a_later_turn_is_dropped_not_given_to_the_next_task()
    {
        var harness = TwoActivities();
        harness.Turn();
        harness.Deliver(harness.ActivityCompleted(0, "a")).Turn();

        harness.Deliver(harness.ActivityCompleted(0, "stale")).Turn();
        harness.Deliver(harness.ActivityCompleted(1, "b")).Turn();

        Assert.Equal("ab", harness.Output<string>());
        Assert.Equal(2, harness.State.History.OfType<TaskCompletedEvent>().Count());
    }

    [Fact]
    public void Completions_for_unknown_ids_or_of_the_wrong_kind_are_dropped_harmlessly()
    {
        var harness = TwoActivities();
        harness.Turn();
        var historyLength = harness.State.History.Count;

        harness.Deliver(harness.ActivityCompleted(42, "x"), harness.TimerFired(0), harness.ChildCompleted(0, "y")).Turn();

        Assert.Equal(historyLength, harness.State.History.Count);
        Assert.Empty(harness.State.Inbox);
        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);
    }

    [Fact]
    public void A_redelivered_event_is_dropped_but_distinct_events_of_one_name_serve_two_waiters_in_order()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("TwoApprovals", async (context, _) =>
        {
            var first = context.WaitForExternalEventAsync<string>("Approval");
            var second = context.WaitForExternalEventAsync<string>("approval");
            return $"{await first},{await second}";
        });
        harness.Start("TwoApprovals").Turn();

        harness.Deliver(harness.Raised("Approval", "alice", "delivery-1"), harness.Raised("Approval", "alice", "delivery-1")).Turn();
        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);
        harness.Deliver(harness.Raised("APPROVAL", "bob", "delivery-2")).Turn();

        Assert.Equal("alice,bob", harness.Output<string>());
    }

    [Fact]
    public void An_activity_answered_before_its_dispatch_was_acknowledged_is_not_sent_again()
    {
        var harness = TwoActivities();
        harness.Turn();
        Assert.Single(harness.State.Outbox);

        harness.Deliver(harness.ActivityCompleted(0, "a")).Turn();

        var request = Assert.IsType<ActivityRequest>(Assert.Single(harness.Dispatch()));
        Assert.Equal("Second", request.Name);
    }
}
