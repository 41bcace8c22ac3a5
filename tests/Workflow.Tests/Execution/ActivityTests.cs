using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

public sealed class ActivityTests
{
    [Fact]
    public void Sequential_activities_are_scheduled_one_per_turn_and_the_output_is_recorded()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<int, int>("Sum", async (context, start) =>
        {
            var total = start;
            for (var step = 0; step < 5; step++)
            {
                total = await context.CallActivityAsync<int>("Add", total);
            }
            return total;
        });

        harness.Start("Sum", 10).Turn();
        for (var step = 0; step < 5; step++)
        {
            var request = Assert.IsType<ActivityRequest>(Assert.Single(harness.Dispatch()));
            Assert.Equal(("Add", step, (10 + step).ToString()), (request.Name, request.TaskScheduledId, request.Input));
            harness.Deliver(harness.ActivityCompleted(step, 10 + step + 1)).Turn();
        }

        Assert.Equal(WorkflowRuntimeStatus.Completed, harness.Status);
        Assert.Equal(15, harness.Output<int>());
        Assert.Empty(harness.Dispatch());
    }

    [Fact]
    public void Fan_out_completions_arriving_out_of_order_reach_their_own_tasks()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string[]>("FanOut", async (context, _) =>
            await Task.WhenAll(context.CallActivityAsync<string>("A"), context.CallActivityAsync<string>("B"), context.CallActivityAsync<string>("C")));

        harness.Start("FanOut").Turn();
        Assert.Equal(3, harness.Dispatch().Count);
        harness.Deliver(harness.ActivityCompleted(2, "c")).Turn();
        harness.Deliver(harness.ActivityCompleted(0, "a"), harness.ActivityCompleted(1, "b")).Turn();

        Assert.Equal(["a", "b", "c"], harness.Output<string[]>());
    }

    [Fact]
    public void A_failed_activity_surfaces_as_a_catchable_WorkflowTaskFailedException_with_details()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Compensating", async (context, _) =>
        {
            try
            {
                await context.CallActivityAsync("UpdateInventory");
                return "updated";
            }
            catch (WorkflowTaskFailedException failed) when (failed.FailureDetails.IsCausedBy<InvalidOperationException>())
            {
                await context.CallActivityAsync("Refund");
                return $"refunded after {failed.FailureDetails.ErrorType}: {failed.FailureDetails.ErrorMessage}";
            }
        });

        harness.Start("Compensating").Turn();
        harness.Deliver(harness.ActivityFailed(0, new InvalidOperationException("stock < 0"))).Turn();
        Assert.Equal("Refund", harness.ScheduledActivities[1].Name);
        harness.Deliver(harness.ActivityCompleted(1)).Turn();

        Assert.Equal("refunded after System.InvalidOperationException: stock < 0", harness.Output<string>());
    }

    [Fact]
    public void An_unhandled_failure_fails_the_instance_with_the_exception_details()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, int>("Throws", (_, _) => throw new ArgumentException("bad order"));

        harness.Start("Throws").Turn();

        Assert.Equal(WorkflowRuntimeStatus.Failed, harness.Status);
        Assert.Equal(("System.ArgumentException", "bad order"), (harness.Failure.ErrorType, harness.Failure.ErrorMessage));
    }

    [Fact]
    public void Class_based_workflows_and_activities_register_under_their_type_names()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<GreetingWorkflow>();

        harness.Start(nameof(GreetingWorkflow), "Ada").Turn();
        Assert.Equal(nameof(GreetingActivity), harness.ScheduledActivities[0].Name);
        harness.Deliver(harness.ActivityCompleted(0, "Hello Ada")).Turn();

        Assert.Equal("Hello Ada!", harness.Output<string>());
    }

    [Fact]
    public void An_unregistered_workflow_name_fails_the_instance_instead_of_throwing()
    {
        var harness = new WorkflowHarness();

        harness.Start("Missing").Turn();

        Assert.Equal(WorkflowRuntimeStatus.Failed, harness.Status);
        Assert.Contains("No workflow named 'Missing'", harness.Failure.ErrorMessage);
    }

    [Fact]
    public void Awaiting_a_non_durable_task_fails_the_instance_with_a_diagnostic_instead_of_hanging()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Sleeper", async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1));
            return "never";
        });

        harness.Start("Sleeper").Turn();

        Assert.Equal(WorkflowRuntimeStatus.Failed, harness.Status);
        Assert.Contains("Task.Delay", harness.Failure.ErrorMessage);
    }

    [Fact]
    public void Resuming_off_the_replay_thread_fails_the_instance_instead_of_racing_the_replay()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Careless", async (context, _) =>
        {
            var first = await context.CallActivityAsync<string>("A").ConfigureAwait(false);
            return first + await context.CallActivityAsync<string>("B");
        });
        harness.Start("Careless").Turn();

        harness.Deliver(harness.ActivityCompleted(0, "a")).Turn();

        // Whether the replay or the stray thread notices first, the instance fails with the same advice.
        Assert.Equal(WorkflowRuntimeStatus.Failed, harness.Status);
        Assert.Contains("ConfigureAwait(false)", harness.Failure.ErrorMessage);
        Assert.DoesNotContain(harness.State.History, e => e is History.TaskScheduledEvent { Name: "B" });
    }

    private sealed class GreetingWorkflow : Workflow<string, string>
    {
        public override async Task<string> RunAsync(WorkflowContext context, string input) =>
            await context.CallActivityAsync<string>(nameof(GreetingActivity), input) + "!";
    }

    private sealed class GreetingActivity : WorkflowActivity<string, string>
    {
        public override Task<string> RunAsync(WorkflowActivityContext context, string input) => Task.FromResult($"Hello {input}");
    }
}
