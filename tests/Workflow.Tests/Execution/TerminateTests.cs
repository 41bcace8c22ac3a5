using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.12: terminate ends the instance with the given output, reaches children, and is final.</summary>
public sealed class TerminateTests
{
    private static ExecutionTerminatedEvent Termination(WorkflowHarness harness, string output) =>
        new() { Timestamp = harness.Now, Output = WorkflowJson.Serialize(output) };

    [Fact]
    public void A_running_instance_is_terminated_with_the_output_and_the_late_activity_result_is_dropped()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Slow", (context, _) => context.CallActivityAsync<string>("Slow"));
        harness.Start("Slow").Turn();

        harness.Deliver(Termination(harness, "cancelled by support")).Turn();
        var terminatedHistory = harness.State.History;
        harness.Deliver(harness.ActivityCompleted(0, "too late")).Turn();

        Assert.Equal(WorkflowRuntimeStatus.Terminated, harness.Status);
        Assert.Equal("cancelled by support", harness.Output<string>());
        Assert.Equal(terminatedHistory, harness.State.History);
        Assert.Empty(harness.State.Inbox);
    }

    [Fact]
    public void Running_children_are_terminated_recursively_and_finished_ones_are_left_alone()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Parent", async (context, _) =>
        {
            await context.CallChildWorkflowAsync("Quick", options: new ChildWorkflowTaskOptions("quick-child"));
            return await context.CallChildWorkflowAsync<string>("Long", options: new ChildWorkflowTaskOptions("long-child"));
        });
        harness.Start("Parent").Turn();
        harness.Deliver(harness.ChildCompleted(0, null)).Turn();
        harness.Dispatch();

        harness.Deliver(Termination(harness, "stop")).Turn();

        var message = Assert.IsType<InstanceMessage>(Assert.Single(harness.Dispatch()));
        Assert.Equal("long-child", message.TargetInstanceId);
        Assert.True(Assert.IsType<ExecutionTerminatedEvent>(message.Event).Recurse);
    }

    [Fact]
    public void A_terminated_child_reports_a_failure_to_its_parent()
    {
        var child = new WorkflowHarness("child-1");
        child.Workflows.RegisterWorkflow<object?, string>("Child", (context, _) => context.WaitForExternalEventAsync<string>("Never"));
        child.Deliver(new ExecutionStartedEvent
        {
            Timestamp = child.Now, Name = "Child", InstanceId = "child-1", ExecutionId = "child-execution",
            Parent = new ParentInstance("parent-1", "parent-execution", 3),
        }).Turn();

        child.Deliver(Termination(child, "stop")).Turn();

        var message = Assert.IsType<InstanceMessage>(Assert.Single(child.Dispatch()));
        var failed = Assert.IsType<ChildWorkflowInstanceFailedEvent>(message.Event);
        Assert.Equal(("parent-1", "parent-execution", 3), (message.TargetInstanceId, failed.ExecutionId, failed.TaskScheduledId));
        Assert.Equal(WorkflowTurnProcessor.TerminatedErrorType, failed.FailureDetails.ErrorType);
    }

    [Fact]
    public void Terminating_a_completed_instance_changes_nothing()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Instant", (_, _) => Task.FromResult("done"));
        harness.Start("Instant").Turn();
        var completed = harness.State;

        harness.Deliver(Termination(harness, "stop")).Turn();

        Assert.Equal(WorkflowRuntimeStatus.Completed, harness.Status);
        Assert.Equal(completed.History, harness.State.History);
    }
}
