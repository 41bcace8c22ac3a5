using Xunit.Abstractions;

namespace DaprShop.Workflow.Tests.Crash;

/// <summary>
/// §12 case 14: two hosts must never run turns of one instance at the same time. The engine takes no lease or ETag of
/// its own; it relies on the actor runtime giving each instance one owner (placement) that runs one turn at a time.
/// Two app processes, each behind its own sidecar process, host the same app's actors on one store; events for every
/// instance arrive through both sidecars at once, so each instance's turns are asked for from both sides.
/// </summary>
public sealed class TwoHostsTests(ITestOutputHelper output)
{
    // Enough that both hosts own some instances (all on one host: 2 in 2^16 placements).
    private const int Instances = 16;
    private const int EventsPerInstance = 20;

    /// <summary>Passing runs need about a second after the events are raised.</summary>
    private static readonly TimeSpan CompletionBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Events_raised_through_two_sidecars_at_once_are_each_applied_once_by_turns_that_never_overlap()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var cluster = await CrashCluster.StartAsync(output, deadline.Token, hosts: 2);
        await cluster.WaitUntilPlacementAgreesAsync(deadline.Token);

        var prefix = "collect-" + Guid.NewGuid().ToString("N")[..8];
        var ids = await Task.WhenAll(Enumerable.Range(0, Instances).Select(index =>
            cluster.ClientOf(index % 2).ScheduleNewWorkflowAsync("Collect", $"{prefix}-{index}", EventsPerInstance)));
        // Every event of every instance in flight at once, alternating sidecars: half reach the owner through the
        // other host's sidecar, which forwards them.
        await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(1, EventsPerInstance).Select(value =>
            cluster.ClientOf(value % 2).RaiseEventAsync(id, "Value", value, deadline.Token))));

        var completed = await WaitForCompletionsAsync(cluster, ids, deadline.Token);

        var turns = cluster.Turns().Where(turn => turn.InstanceId.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        // Both processes ran turns, or the test proved nothing about two hosts.
        Assert.Equal(2, turns.Select(turn => turn.Pid).Distinct().Count());
        foreach (var instance in turns.GroupBy(turn => turn.InstanceId))
        {
            var ordered = instance.OrderBy(turn => turn.Enter).ToList();
            foreach (var (earlier, later) in ordered.Zip(ordered.Skip(1)))
            {
                Assert.True(earlier.Exit <= later.Enter,
                    $"Turns of {instance.Key} overlapped: pid {earlier.Pid} [{earlier.Enter}, {earlier.Exit}] and pid {later.Pid} [{later.Enter}, {later.Exit}].");
            }
        }
        // The mechanism: while the hosts are stable, one process owns an instance, whichever sidecar was called.
        Assert.All(turns.GroupBy(turn => turn.InstanceId), instance => Assert.Single(instance.Select(turn => turn.Pid).Distinct()));
        // Checked after the turns: overlapping turns lose events, and the overlap is the cause worth reporting.
        Assert.All(ids, id =>
        {
            Assert.True(completed.TryGetValue(id, out var state), $"{id} did not complete.");
            Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
            // Order of arrival is free; each value exactly once is not.
            Assert.Equal(Enumerable.Range(1, EventsPerInstance), state.ReadOutputAs<int[]>()!.Order());
        });
    }

    /// <summary>The instances that completed within the budget, leaving the rest of the test's time to report why not.</summary>
    private static async Task<Dictionary<string, WorkflowState>> WaitForCompletionsAsync(
        CrashCluster cluster, IEnumerable<string> ids, CancellationToken testDeadline)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(testDeadline);
        budget.CancelAfter(CompletionBudget);
        var completed = new Dictionary<string, WorkflowState>();
        try
        {
            foreach (var id in ids)
            {
                completed[id] = await cluster.WaitForCompletionAsync(id, budget.Token);
            }
        }
        catch (OperationCanceledException) when (!testDeadline.IsCancellationRequested)
        {
        }
        return completed;
    }
}
