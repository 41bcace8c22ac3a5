using DaprShop.Workflow.History;
using Xunit.Abstractions;

namespace DaprShop.Workflow.Tests.Crash;

/// <summary>
/// The whole pod dies (app and sidecar SIGKILLed) while a workflow waits; only the SQLite file survives. Both are
/// started again and the wait ends as if nothing happened.
/// </summary>
public sealed class AppAndSidecarKilledTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_durable_timer_fires_after_both_are_killed_and_restarted()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var cluster = await CrashCluster.StartAsync(output, deadline.Token);
        var id = await cluster.Client.ScheduleNewWorkflowAsync("Nap", "nap-" + Guid.NewGuid().ToString("N"), 3);
        await cluster.Client.WaitForWorkflowStartAsync(id, cancellationToken: deadline.Token);

        cluster.KillApp();
        cluster.KillSidecar();
        cluster.StartSidecar();
        cluster.StartApp();

        var state = await cluster.WaitForCompletionAsync(id, deadline.Token);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("rested", state.ReadOutputAs<string>());
        Assert.Equal(1, cluster.Executions(id, "Wake"));
        Assert.Single(cluster.ReadCommittedState(id).History.OfType<TimerFiredEvent>());
    }

    [Fact]
    public async Task An_external_event_raised_after_both_are_killed_and_restarted_is_delivered()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var cluster = await CrashCluster.StartAsync(output, deadline.Token);
        var id = await cluster.Client.ScheduleNewWorkflowAsync("Approval", "approval-" + Guid.NewGuid().ToString("N"));
        await cluster.Client.WaitForWorkflowStartAsync(id, cancellationToken: deadline.Token);

        cluster.KillApp();
        cluster.KillSidecar();
        cluster.StartSidecar();
        cluster.StartApp();
        await cluster.WaitUntilServingAsync(deadline.Token);
        await cluster.Client.RaiseEventAsync(id, "Approved", "alice", deadline.Token);

        var state = await cluster.WaitForCompletionAsync(id, deadline.Token);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("approved by alice", state.ReadOutputAs<string>());
        Assert.Equal(1, cluster.Executions(id, "Wake"));
        Assert.Single(cluster.ReadCommittedState(id).History.OfType<EventRaisedEvent>());
    }
}
