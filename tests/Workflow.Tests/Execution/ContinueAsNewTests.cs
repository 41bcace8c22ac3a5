using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.10: a fresh history per generation, carried-over events, and the old generation's work ignored.</summary>
public sealed class ContinueAsNewTests
{
    /// <summary>An eternal counter: each generation waits for one "Add" and starts over with the new total.</summary>
    private static WorkflowHarness Counter(bool preserveUnprocessedEvents = true)
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<int, int>("Counter", async (context, total) =>
        {
            context.SetCustomStatus(new { total });
            var reminder = context.CreateTimer(TimeSpan.FromHours(1));
            var added = await context.WaitForExternalEventAsync<int>("Add");
            context.ContinueAsNew(total + added, preserveUnprocessedEvents);
            return total + added;
        });
        return harness.Start("Counter", 0);
    }

    [Fact]
    public void The_history_restarts_with_the_new_input_and_the_instance_stays_running()
    {
        var harness = Counter();
        harness.Turn();
        var firstExecution = harness.ExecutionId;

        harness.Deliver(harness.Raised("Add", 5)).Turn();

        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);
        Assert.IsType<OrchestratorStartedEvent>(harness.State.History[0]);
        var restarted = Assert.IsType<ExecutionStartedEvent>(harness.State.History[1]);
        Assert.Equal(("Counter", "5"), (restarted.Name, restarted.Input));
        Assert.NotEqual(firstExecution, restarted.ExecutionId);
        Assert.Single(harness.CreatedTimers);
        Assert.Equal("""{"total":5}""", harness.State.CustomStatus);
    }

    [Fact]
    public void Unconsumed_events_of_the_same_batch_are_carried_into_the_next_generation()
    {
        var harness = Counter();
        harness.Turn();

        harness.Deliver(harness.Raised("Add", 5), harness.Raised("Add", 7)).Turn();

        // Generation 2 consumed the carried 7 in the same turn and continued again with 12.
        Assert.Equal("12", harness.State.Started!.Input);
        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);
    }

    [Fact]
    public void Unconsumed_events_are_dropped_when_not_preserved()
    {
        var harness = Counter(preserveUnprocessedEvents: false);
        harness.Turn();

        harness.Deliver(harness.Raised("Add", 5), harness.Raised("Add", 7)).Turn();

        Assert.Equal("5", harness.State.Started!.Input);
        Assert.DoesNotContain(harness.State.History, e => e is EventRaisedEvent);
    }

    [Fact]
    public void Timers_and_completions_of_the_old_generation_are_rejected()
    {
        var harness = Counter();
        harness.Turn();
        var oldExecution = harness.ExecutionId;
        harness.Deliver(harness.Raised("Add", 5)).Turn();
        var historyLength = harness.State.History.Count;

        harness.Deliver(harness.TimerFired(0, executionId: oldExecution), harness.ActivityCompleted(0, 1, executionId: oldExecution)).Turn();

        Assert.Equal(historyLength, harness.State.History.Count);
        Assert.Equal(WorkflowRuntimeStatus.Running, harness.Status);
    }
}
