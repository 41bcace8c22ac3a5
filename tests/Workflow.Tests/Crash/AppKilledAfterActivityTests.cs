using DaprShop.Workflow.History;
using Xunit.Abstractions;

namespace DaprShop.Workflow.Tests.Crash;

/// <summary>
/// workflow.md §12 case 1 with a real SIGKILL: the activity's side effect happened, its result never reached history.
/// </summary>
public sealed class AppKilledAfterActivityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_activity_runs_again_after_a_restart_and_history_holds_exactly_one_completion()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var cluster = await CrashCluster.StartAsync(output, deadline.Token);
        var id = await cluster.Client.ScheduleNewWorkflowAsync("Checkout", "order-" + Guid.NewGuid().ToString("N"),
            new { OrderId = "o-1", CrashInCharge = true });

        // Charge records its first execution, then SIGKILLs the app before returning its result.
        await cluster.WaitForAppToDieAsync(deadline.Token);
        Assert.Equal(1, cluster.Executions(id, "Charge"));

        cluster.StartApp();
        var state = await cluster.WaitForCompletionAsync(id, deadline.Token);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("reserved o-1, charged o-1, shipped o-1", state.ReadOutputAs<string>());
        Assert.Equal(2, cluster.Executions(id, "Charge"));
        Assert.Equal(1, cluster.Executions(id, "Reserve"));
        Assert.Equal(1, cluster.Executions(id, "Ship"));

        var history = cluster.ReadCommittedState(id).History;
        var scheduled = history.OfType<TaskScheduledEvent>().ToList();
        Assert.Equal(["Reserve", "Charge", "Ship"], scheduled.Select(task => task.Name));
        // One completion per scheduled task: the re-run's result was accepted once, nothing else slipped in.
        Assert.Equal(scheduled.Select(task => task.EventId), history.OfType<TaskCompletedEvent>().Select(done => done.TaskScheduledId));
    }
}
