using Xunit.Abstractions;

namespace DaprShop.Workflow.Tests.Crash;

/// <summary>
/// The sidecar holds the reminders and the actor state store; SIGKILLing it mid-workflow loses nothing that was
/// committed to the SQLite file, so a sidecar restarted on that file carries the workflow to its end.
/// </summary>
public sealed class SidecarKilledTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_workflow_waiting_on_a_durable_timer_completes_after_the_sidecar_is_killed_and_restarted()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var cluster = await CrashCluster.StartAsync(output, deadline.Token);
        var id = await cluster.Client.ScheduleNewWorkflowAsync("Nap", "nap-" + Guid.NewGuid().ToString("N"), 3);
        // Running: the start turn committed, and the timer's reminder with it (or recovery re-registers it).
        await cluster.Client.WaitForWorkflowStartAsync(id, cancellationToken: deadline.Token);

        cluster.KillSidecar();
        cluster.StartSidecar();

        var state = await cluster.WaitForCompletionAsync(id, deadline.Token);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("rested", state.ReadOutputAs<string>());
        Assert.Equal(1, cluster.Executions(id, "Wake"));
    }

    [Fact]
    public async Task A_workflow_with_an_activity_in_flight_completes_after_the_sidecar_is_killed_and_restarted()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var cluster = await CrashCluster.StartAsync(output, deadline.Token);
        var id = await cluster.Client.ScheduleNewWorkflowAsync("Checkout", "order-" + Guid.NewGuid().ToString("N"),
            new { OrderId = "o-2", CrashInCharge = false });
        // Killed as soon as the first activity has run: its result, the next dispatch or the next run is in flight.
        await CrashCluster.PollAsync(() => Task.FromResult(cluster.Executions(id, "Reserve") > 0), deadline.Token);

        cluster.KillSidecar();
        cluster.StartSidecar();

        var state = await cluster.WaitForCompletionAsync(id, deadline.Token);
        Assert.Equal("reserved o-2, charged o-2, shipped o-2", state.ReadOutputAs<string>());
        // At least once: an activity whose report died with the sidecar runs again; every one ran.
        Assert.All(new[] { "Reserve", "Charge", "Ship" }, activity => Assert.InRange(cluster.Executions(id, activity), 1, 2));
    }
}
