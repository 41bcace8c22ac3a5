using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.13: child ids are deterministic, failures propagate, retries reuse the first child id.</summary>
public sealed class ChildWorkflowTests
{
    [Fact]
    public void The_child_start_message_is_the_same_whenever_it_is_produced()
    {
        static InstanceMessage ChildStart()
        {
            var harness = new WorkflowHarness();
            harness.Workflows.RegisterWorkflow<object?, string>("Parent", (context, _) => context.CallChildWorkflowAsync<string>("Child", "input"));
            harness.Start("Parent").Turn();
            return Assert.IsType<InstanceMessage>(Assert.Single(harness.Dispatch()));
        }

        var first = ChildStart();
        var second = ChildStart();

        Assert.Equal(first.TargetInstanceId, second.TargetInstanceId);
        var start = Assert.IsType<ExecutionStartedEvent>(first.Event);
        Assert.Equal(start, second.Event);
        Assert.Equal(("Child", "\"input\"", new ParentInstance("order-1", "execution-1", 0)), (start.Name, start.Input, start.Parent));
    }

    [Fact]
    public void A_child_failure_surfaces_in_the_parent_as_WorkflowTaskFailedException_with_details()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Parent", async (context, _) =>
        {
            try
            {
                return await context.CallChildWorkflowAsync<string>("Child", options: new ChildWorkflowTaskOptions("child-1"));
            }
            catch (WorkflowTaskFailedException failed)
            {
                return $"{failed.FailureDetails.ErrorType}: {failed.FailureDetails.ErrorMessage}";
            }
        });
        harness.Start("Parent").Turn();

        harness.Deliver(harness.ChildFailed(0, new WorkflowTaskFailureDetails("System.InvalidOperationException", "out of stock"))).Turn();

        Assert.Equal("System.InvalidOperationException: out of stock", harness.Output<string>());
    }

    [Fact]
    public void A_retried_child_reuses_the_first_instance_id()
    {
        var harness = new WorkflowHarness();
        var policy = new WorkflowRetryPolicy(2, TimeSpan.FromSeconds(5));
        harness.Workflows.RegisterWorkflow<object?, string>("Parent", (context, _) =>
            context.CallChildWorkflowAsync<string>("Child", options: new ChildWorkflowTaskOptions(RetryPolicy: policy)));
        harness.Start("Parent").Turn();
        harness.Deliver(harness.ChildFailed(0, new WorkflowTaskFailureDetails("X", "boom"))).Turn();
        harness.Deliver(harness.TimerFired(1)).Turn();

        var children = harness.State.History.OfType<ChildWorkflowInstanceCreatedEvent>().ToList();

        Assert.Equal(2, children.Count);
        Assert.Equal(children[0].InstanceId, children[1].InstanceId);
    }

    [Fact]
    public void A_completed_child_reports_its_output_to_the_parent()
    {
        var child = new WorkflowHarness("child-1");
        child.Workflows.RegisterWorkflow<int, int>("Double", (_, input) => Task.FromResult(input * 2));

        child.Deliver(new ExecutionStartedEvent
        {
            Timestamp = child.Now, Name = "Double", InstanceId = "child-1", ExecutionId = "child-execution", Input = "21",
            Parent = new ParentInstance("parent-1", "parent-execution", 0),
        }).Turn();

        var message = Assert.IsType<InstanceMessage>(Assert.Single(child.Dispatch()));
        var completed = Assert.IsType<ChildWorkflowInstanceCompletedEvent>(message.Event);
        Assert.Equal(("parent-1", "42"), (message.TargetInstanceId, completed.Result));
    }
}
