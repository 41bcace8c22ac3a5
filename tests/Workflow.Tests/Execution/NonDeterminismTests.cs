using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.7: code that no longer matches its history fails the instance with a diagnostic, never mis-routes.</summary>
public sealed class NonDeterminismTests
{
    /// <summary>History written by "v1": Reserve, then Pay, with Reserve completed and Pay outstanding.</summary>
    private static WorkflowHarness InFlightV1()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Checkout", async (context, _) =>
        {
            await context.CallActivityAsync("Reserve");
            return await context.CallActivityAsync<string>("Pay");
        });
        harness.Start("Checkout").Turn();
        harness.Deliver(harness.ActivityCompleted(0)).Turn();
        harness.Dispatch();
        return harness;
    }

    private static WorkflowRuntimeState ReplayWith(WorkflowHarness v1, Func<WorkflowContext, Task<string>> v2)
    {
        var deployed = new WorkflowHarness();
        deployed.Workflows.RegisterWorkflow<object?, string>("Checkout", (context, _) => v2(context));
        var executor = deployed.CreateExecutor();
        return new WorkflowTurnProcessor(executor).Process(
            v1.State with { Inbox = [v1.ActivityCompleted(1, "paid")] }, WorkflowHarness.T0.AddMinutes(1));
    }

    public static TheoryData<string, string> Changes => new()
    {
        { "activity became a timer", "called CreateTimer instead" },
        { "activity renamed", "called CallActivity 'Charge' instead" },
        { "await inserted before", "called CallActivity 'Audit' instead" },
        { "await removed", "doesn't have an action with this sequence number" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_changed_action_at_a_sequence_number_fails_the_instance_with_a_diagnostic(string change, string diagnostic)
    {
        Func<WorkflowContext, Task<string>> v2 = change switch
        {
            "activity became a timer" => async context =>
            {
                await context.CallActivityAsync("Reserve");
                await context.CreateTimer(TimeSpan.FromSeconds(1));
                return "?";
            },
            "activity renamed" => async context =>
            {
                await context.CallActivityAsync("Reserve");
                return await context.CallActivityAsync<string>("Charge");
            },
            "await inserted before" => async context =>
            {
                await context.CallActivityAsync("Audit");
                await context.CallActivityAsync("Reserve");
                return await context.CallActivityAsync<string>("Pay");
            },
            _ => async context => await context.CallActivityAsync<string>("Reserve"),
        };

        var state = ReplayWith(InFlightV1(), v2);

        Assert.Equal(WorkflowRuntimeStatus.Failed, state.RuntimeStatus);
        var failure = state.Completed!.FailureDetails!;
        Assert.Equal(typeof(NonDeterministicWorkflowException).FullName, failure.ErrorType);
        Assert.Contains(diagnostic, failure.ErrorMessage);
        Assert.DoesNotContain(state.Outbox, message => message is ActivityRequest or TimerRequest);
    }

    [Fact]
    public void A_changed_child_instance_id_is_detected()
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Parent", (context, _) =>
            context.CallChildWorkflowAsync<string>("Child", options: new ChildWorkflowTaskOptions("child-a")));
        harness.Start("Parent").Turn();

        var deployed = new WorkflowHarness();
        deployed.Workflows.RegisterWorkflow<object?, string>("Parent", (context, _) =>
            context.CallChildWorkflowAsync<string>("Child", options: new ChildWorkflowTaskOptions("child-b")));
        var state = new WorkflowTurnProcessor(deployed.CreateExecutor()).Process(
            harness.State with { Inbox = [harness.ChildCompleted(0, "result for child-a")] }, WorkflowHarness.T0);

        Assert.Equal(WorkflowRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("instance 'child-a'", state.Completed!.FailureDetails!.ErrorMessage);
        Assert.DoesNotContain(state.History, e => e is ExecutionCompletedEvent { Status: WorkflowRuntimeStatus.Completed });
    }

    [Fact]
    public void Unchanged_code_replays_without_complaint()
    {
        var harness = InFlightV1();

        harness.Deliver(harness.ActivityCompleted(1, "paid")).Turn();

        Assert.Equal("paid", harness.Output<string>());
    }
}
