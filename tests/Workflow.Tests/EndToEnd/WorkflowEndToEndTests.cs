namespace DaprShop.Workflow.Tests.EndToEnd;

/// <summary>The engine on the real actor library and the real sidecar actor runtime.</summary>
public sealed class WorkflowEndToEndTests(WorkflowEndToEndFixture fixture) : IClassFixture<WorkflowEndToEndFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Deadline() => new CancellationTokenSource(Timeout).Token;

    [Fact]
    public async Task A_sequential_five_activity_workflow_completes()
    {
        var id = await fixture.Client.ScheduleNewWorkflowAsync("FiveSteps", "five-" + Guid.NewGuid().ToString("N"), 10);

        var state = await fixture.Client.WaitForWorkflowCompletionAsync(id, cancellationToken: Deadline());

        Assert.Equal((WorkflowRuntimeStatus.Completed, 15), (state.RuntimeStatus, state.ReadOutputAs<int>()));
        lock (fixture.ActivityCalls)
        {
            Assert.Equal(5, fixture.ActivityCalls.Where(key => key.StartsWith(id + "::", StringComparison.Ordinal)).Distinct().Count());
        }
    }

    [Fact]
    public async Task An_external_event_resumes_a_workflow()
    {
        var id = await fixture.Client.ScheduleNewWorkflowAsync("Approval", "approval-" + Guid.NewGuid().ToString("N"));
        await fixture.Client.WaitForWorkflowStartAsync(id, cancellationToken: Deadline());

        await fixture.Client.RaiseEventAsync(id, "Approved", "by alice");

        var state = await fixture.Client.WaitForWorkflowCompletionAsync(id, cancellationToken: Deadline());
        Assert.Equal("by alice", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_durable_timer_fires()
    {
        var id = await fixture.Client.ScheduleNewWorkflowAsync("Nap", "nap-" + Guid.NewGuid().ToString("N"), 1);

        var state = await fixture.Client.WaitForWorkflowCompletionAsync(id, cancellationToken: Deadline());

        Assert.Equal("rested", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_ends_a_waiting_workflow()
    {
        var id = await fixture.Client.ScheduleNewWorkflowAsync("Approval", "terminate-" + Guid.NewGuid().ToString("N"));
        await fixture.Client.WaitForWorkflowStartAsync(id, cancellationToken: Deadline());

        await fixture.Client.TerminateWorkflowAsync(id, "cancelled");

        var state = await fixture.Client.WaitForWorkflowCompletionAsync(id, cancellationToken: Deadline());
        Assert.Equal((WorkflowRuntimeStatus.Terminated, "cancelled"), (state.RuntimeStatus, state.ReadOutputAs<string>()));
        Assert.True(await fixture.Client.PurgeInstanceAsync(id));
    }

    [Fact]
    public async Task A_child_workflow_reports_to_its_parent_and_purge_removes_both()
    {
        var id = await fixture.Client.ScheduleNewWorkflowAsync("Parent", "parent-" + Guid.NewGuid().ToString("N"), 100);

        var state = await fixture.Client.WaitForWorkflowCompletionAsync(id, cancellationToken: Deadline());

        Assert.Equal(105, state.ReadOutputAs<int>());
        Assert.True(await fixture.Client.PurgeInstanceAsync(id));
        Assert.False((await fixture.Client.GetWorkflowStateAsync(id)).Exists);
    }
}
