using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.8: replaying the same history gives the same clock, ids and logging, whatever host replays it.</summary>
public sealed class ReplayPurityTests
{
    private sealed record Observation(DateTime Now, Guid Id, bool Replaying);

    private static WorkflowHarness ObservingHarness(List<Observation> observations)
    {
        var harness = new WorkflowHarness();
        harness.Workflows.RegisterWorkflow<object?, string>("Observe", async (context, _) =>
        {
            var logger = context.CreateReplaySafeLogger("Observe");
            observations.Add(new Observation(context.CurrentUtcDateTime, context.NewGuid(), context.IsReplaying));
            logger.LogInformation("before the activity");
            await context.CallActivityAsync("Step");
            observations.Add(new Observation(context.CurrentUtcDateTime, context.NewGuid(), context.IsReplaying));
            logger.LogInformation("after the activity");
            return "done";
        });
        return harness;
    }

    [Fact]
    public void Clock_guids_and_IsReplaying_come_from_history_and_replay_identically()
    {
        var observations = new List<Observation>();
        var harness = ObservingHarness(observations);
        harness.Start("Observe").Turn();
        harness.Now = WorkflowHarness.T0.AddMinutes(5);
        harness.Deliver(harness.ActivityCompleted(0)).Turn();

        // Turn 1 ran the first half live; turn 2 replayed it, then ran the second half live at the new turn's time.
        Assert.Equal(3, observations.Count);
        var (firstLive, firstReplayed, secondLive) = (observations[0], observations[1], observations[2]);
        Assert.Equal((WorkflowHarness.T0, false), (firstLive.Now, firstLive.Replaying));
        Assert.Equal(firstLive with { Replaying = true }, firstReplayed);
        Assert.Equal((WorkflowHarness.T0.AddMinutes(5), false), (secondLive.Now, secondLive.Replaying));
        Assert.NotEqual(firstLive.Id, secondLive.Id);

        observations.Clear();
        var executor = harness.CreateExecutor();
        executor.Execute(harness.State.History, []);
        executor.Execute(harness.State.History, []);
        Assert.Equal([firstReplayed, secondLive with { Replaying = true }, firstReplayed, secondLive with { Replaying = true }], observations);
    }

    [Fact]
    public void Replay_safe_loggers_write_each_line_once_across_turns()
    {
        var harness = ObservingHarness([]);
        harness.Start("Observe").Turn();
        harness.Deliver(harness.ActivityCompleted(0)).Turn();
        harness.CreateExecutor().Execute(harness.State.History, []);

        Assert.Equal(["before the activity", "after the activity"], harness.Logs.Messages);
    }

    [Fact]
    public void NewGuid_is_a_name_based_v5_uuid()
    {
        var observations = new List<Observation>();
        ObservingHarness(observations).Start("Observe").Turn();

        var id = observations[0].Id.ToString();
        Assert.Equal('5', id[14]);
        Assert.Contains(id[19], "89ab");
    }

    [Fact]
    public void Past_events_are_replayed_but_only_new_actions_are_reported()
    {
        var harness = ObservingHarness([]);
        harness.Start("Observe").Turn();

        var replay = harness.CreateExecutor().Execute(harness.State.History, []);

        Assert.Empty(replay.NewActions);
        Assert.Null(replay.Outcome);
        Assert.Single(harness.State.History.OfType<TaskScheduledEvent>());
    }
}
