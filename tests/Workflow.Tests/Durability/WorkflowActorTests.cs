using DaprShop.Workflow.Durability;
using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Durability;

/// <summary>
/// The actor behaviours and the client over a simulated actor runtime: the end-to-end flows, and the crash cases
/// §12.1 and §12.2 that need durable state, reminders and lost work.
/// </summary>
public sealed class WorkflowActorTests
{
    private readonly InMemoryActorSystem _system = new();
    private readonly List<string> _executions = new();

    public WorkflowActorTests()
    {
        _system.Workflows.RegisterActivity<int, int>("Increment", (context, value) =>
        {
            _executions.Add(context.TaskExecutionKey);
            return Task.FromResult(value + 1);
        });
        _system.Workflows.RegisterWorkflow<object?, string>("WaitsWithTimeout", (context, _) =>
            context.WaitForExternalEventAsync<string>("Paid", TimeSpan.FromMinutes(2)));
        _system.Workflows.RegisterWorkflow<int, int>("FiveSteps", async (context, value) =>
        {
            for (var step = 0; step < 5; step++)
            {
                value = await context.CallActivityAsync<int>("Increment", value);
            }
            return value;
        });
    }

    [Fact]
    public void Actor_type_names_follow_dapr()
    {
        Assert.Equal("dapr.internal.default.checkout.workflow", _system.ActorTypes.Workflow);
        Assert.Equal("dapr.internal.prod.checkout.workflow", WorkflowActorTypeNames.For("checkout", "prod").Workflow);
    }

    [Fact]
    public async Task A_sequential_five_activity_workflow_completes_and_reports_its_state()
    {
        var client = _system.CreateClient();

        var instanceId = await client.ScheduleNewWorkflowAsync("FiveSteps", "order-1", 10);
        // The first turn runs in the start call; the first activity waits for the after-turn dispatch.
        Assert.Equal(WorkflowRuntimeStatus.Running, (await client.GetWorkflowStateAsync(instanceId)).RuntimeStatus);
        await _system.RunUntilIdleAsync();

        var state = await client.WaitForWorkflowCompletionAsync(instanceId);
        Assert.True(state is { Exists: true, IsWorkflowCompleted: true, IsWorkflowRunning: false, WorkflowName: "FiveSteps" });
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal((10, 15), (state.ReadInputAs<int>(), state.ReadOutputAs<int>()));
        Assert.Equal(new DateTimeOffset(WorkflowHarness.T0), state.CreatedAt);
        Assert.Equal(5, _executions.Count);
        Assert.Empty(_system.StateOf(instanceId).Outbox);
    }

    [Fact]
    public async Task An_external_event_resumes_a_waiting_workflow()
    {
        _system.Workflows.RegisterWorkflow<object?, string>("Approval", (context, _) => context.WaitForExternalEventAsync<string>("Approved"));
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("Approval", "order-2");
        await _system.RunUntilIdleAsync();
        Assert.True((await client.WaitForWorkflowStartAsync("order-2")).IsWorkflowRunning);

        await client.RaiseEventAsync("order-2", "approved", "by alice");
        await _system.RunUntilIdleAsync();

        Assert.Equal("by alice", (await client.GetWorkflowStateAsync("order-2")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_durable_timer_fires_from_a_reminder_when_due()
    {
        _system.Workflows.RegisterWorkflow<object?, string>("Nap", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromHours(1));
            return $"woke at {context.CurrentUtcDateTime:HH:mm}";
        });
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("Nap", "nap-1");
        await _system.RunUntilIdleAsync();
        await _system.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(WorkflowRuntimeStatus.Running, (await client.GetWorkflowStateAsync("nap-1")).RuntimeStatus);

        await _system.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("woke at 13:00", (await client.GetWorkflowStateAsync("nap-1")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Suspend_resume_and_terminate_go_through_the_instance_inbox()
    {
        _system.Workflows.RegisterWorkflow<object?, string>("Approval", (context, _) => context.WaitForExternalEventAsync<string>("Approved"));
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("Approval", "order-3");
        await _system.RunUntilIdleAsync();

        await client.SuspendWorkflowAsync("order-3", "fraud check");
        await _system.RunUntilIdleAsync();
        Assert.Equal(WorkflowRuntimeStatus.Suspended, (await client.GetWorkflowStateAsync("order-3")).RuntimeStatus);
        await client.ResumeWorkflowAsync("order-3");
        await client.TerminateWorkflowAsync("order-3", "cancelled");
        await _system.RunUntilIdleAsync();

        var state = await client.GetWorkflowStateAsync("order-3");
        Assert.Equal((WorkflowRuntimeStatus.Terminated, "cancelled"), (state.RuntimeStatus, state.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task A_live_instance_id_cannot_be_started_again_and_unknown_instances_are_reported()
    {
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("FiveSteps", "order-4", 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ScheduleNewWorkflowAsync("FiveSteps", "order-4", 0));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.RaiseEventAsync("nobody", "Approved"));
        Assert.False((await client.GetWorkflowStateAsync("nobody")).Exists);
    }

    [Fact]
    public async Task A_crash_after_the_activity_ran_runs_it_again_and_history_keeps_one_result()
    {
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("FiveSteps", "order-5", 0);
        _system.DeliveriesToLose = 1;

        await _system.RunUntilIdleAsync();
        Assert.Single(_executions);
        await _system.AdvanceAsync(WorkflowRuntimeOptions.DefaultRecoveryInterval);

        Assert.Equal(5, (await client.GetWorkflowStateAsync("order-5")).ReadOutputAs<int>());
        Assert.Equal(6, _executions.Count);
        Assert.Equal(_executions[0], _executions[1]);
        Assert.Equal(5, _system.StateOf("order-5").History.OfType<TaskCompletedEvent>().Count());
    }

    [Fact]
    public async Task A_crash_between_commit_and_dispatch_is_repaired_by_the_recovery_reminder_without_duplicating_history()
    {
        var client = _system.CreateClient();
        _system.LoseAfterTurnWork = true;
        await client.ScheduleNewWorkflowAsync("FiveSteps", "order-6", 0);

        await _system.RunUntilIdleAsync();
        Assert.Empty(_executions);
        Assert.Single(_system.StateOf("order-6").Outbox);
        _system.LoseAfterTurnWork = false;
        await _system.AdvanceAsync(WorkflowRuntimeOptions.DefaultRecoveryInterval);

        var history = _system.StateOf("order-6").History;
        Assert.Equal(WorkflowRuntimeStatus.Completed, _system.StateOf("order-6").RuntimeStatus);
        Assert.Equal(5, history.OfType<TaskScheduledEvent>().Count());
        Assert.Equal(5, _executions.Distinct().Count());
    }

    [Fact]
    public async Task An_activity_request_resent_after_the_activity_finished_does_not_run_it_again()
    {
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("FiveSteps", "order-7", 0);
        await _system.RunUntilIdleAsync();
        var first = _system.StateOf("order-7").History.OfType<TaskScheduledEvent>().First();
        var executionId = _system.StateOf("order-7").Started!.ExecutionId;

        // What a recovery re-dispatch racing the first dispatch delivers once the activity is already done.
        var resent = new ActivityRequest("order-7", executionId, first.EventId, first.Name, first.Input);
        await _system.Activities.RunAsync(resent);
        await _system.AdvanceAsync(WorkflowRuntimeOptions.DefaultRecoveryInterval);

        Assert.Equal(5, _executions.Count);
    }

    [Fact]
    public async Task An_activity_request_resent_while_the_activity_runs_joins_that_run()
    {
        var release = new TaskCompletionSource();
        var runs = 0;
        _system.Workflows.RegisterActivity<int, int>("Slow", async (_, value) =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return value;
        });
        _system.Workflows.RegisterWorkflow<int, int>("OneSlowStep", (context, value) => context.CallActivityAsync<int>("Slow", value));
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("OneSlowStep", "order-9", 7);
        var state = _system.StateOf("order-9");
        var request = Assert.IsType<ActivityRequest>(Assert.Single(state.Outbox));

        // The dispatch after the start's turn, and what a recovery racing it re-sends.
        var first = _system.Activities.RunAsync(request);
        var resent = _system.Activities.RunAsync(request);
        Assert.False(resent.IsCompleted);
        release.SetResult();
        await Task.WhenAll(first, resent);

        Assert.Equal(1, runs);
        Assert.Equal(7, (await client.GetWorkflowStateAsync("order-9")).ReadOutputAs<int>());
    }

    [Fact]
    public async Task An_execution_that_ends_before_its_timer_fires_unregisters_the_timer()
    {
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("WaitsWithTimeout", "order-13");
        await _system.RunUntilIdleAsync();
        Assert.Contains(_system.RemindersOf("order-13"), name => name.StartsWith(WorkflowInstanceBehavior.TimerReminderPrefix, StringComparison.Ordinal));

        await client.RaiseEventAsync("order-13", "Paid", "pi_1");
        await _system.RunUntilIdleAsync();

        Assert.Equal("pi_1", (await client.GetWorkflowStateAsync("order-13")).ReadOutputAs<string>());
        Assert.Empty(_system.RemindersOf("order-13"));
    }

    [Fact]
    public async Task Each_event_costs_the_instance_one_state_write_its_timer_and_its_end_included()
    {
        var client = _system.CreateClient();

        await client.ScheduleNewWorkflowAsync("WaitsWithTimeout", "order-14");
        await _system.RunUntilIdleAsync();
        Assert.Equal(1, _system.StateWrites);
        await client.RaiseEventAsync("order-14", "Paid", "pi_1");
        await _system.RunUntilIdleAsync();

        Assert.Equal(2, _system.StateWrites);
        Assert.Equal(WorkflowRuntimeStatus.Completed, _system.StateOf("order-14").RuntimeStatus);
        Assert.False(_system.StateOf("order-14").RecoveryRegistered);
        Assert.Empty(_system.RemindersOf("order-14"));
    }

    [Fact]
    public async Task An_execution_that_ends_before_an_activity_answers_drops_its_request_and_stops_recovery()
    {
        _system.Workflows.RegisterWorkflow<object?, string>("Deadline", async (context, _) =>
        {
            var work = context.CallActivityAsync<int>("Increment", 1);
            return await Task.WhenAny(work, context.CreateTimer(TimeSpan.FromSeconds(30))) == work ? "worked" : "gave up";
        });
        var client = _system.CreateClient();
        _system.LoseAfterTurnWork = true;
        await client.ScheduleNewWorkflowAsync("Deadline", "order-12");
        _system.LoseAfterTurnWork = false;
        await _system.RunUntilIdleAsync();

        await _system.AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("gave up", (await client.GetWorkflowStateAsync("order-12")).ReadOutputAs<string>());
        Assert.Empty(_system.StateOf("order-12").Outbox);
        Assert.False(_system.StateOf("order-12").RecoveryRegistered);
    }

    [Fact]
    public async Task A_child_workflow_runs_as_its_own_instance_and_purge_is_recursive_and_terminal_only()
    {
        _system.Workflows.RegisterWorkflow<int, int>("Parent", (context, value) =>
            context.CallChildWorkflowAsync<int>("FiveSteps", value, new ChildWorkflowTaskOptions("order-7-child")));
        _system.Workflows.RegisterWorkflow<object?, string>("Waits", (context, _) => context.WaitForExternalEventAsync<string>("Never"));
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("Parent", "order-7", 100);
        await client.ScheduleNewWorkflowAsync("Waits", "order-8");
        await _system.RunUntilIdleAsync();

        Assert.Equal(105, (await client.GetWorkflowStateAsync("order-7")).ReadOutputAs<int>());
        Assert.Equal(105, (await client.GetWorkflowStateAsync("order-7-child")).ReadOutputAs<int>());
        Assert.False(await client.PurgeInstanceAsync("order-8"));
        Assert.True(await client.PurgeInstanceAsync("order-7"));
        Assert.False((await client.GetWorkflowStateAsync("order-7")).Exists);
        Assert.False((await client.GetWorkflowStateAsync("order-7-child")).Exists);
    }

    [Fact]
    public async Task A_terminated_parent_terminates_its_running_child()
    {
        _system.Workflows.RegisterWorkflow<object?, string>("Waits", (context, _) => context.WaitForExternalEventAsync<string>("Never"));
        _system.Workflows.RegisterWorkflow<object?, string>("Parent", (context, _) =>
            context.CallChildWorkflowAsync<string>("Waits", options: new ChildWorkflowTaskOptions("order-9-child")));
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("Parent", "order-9");
        await _system.RunUntilIdleAsync();

        await client.TerminateWorkflowAsync("order-9");
        await _system.RunUntilIdleAsync();

        Assert.Equal(WorkflowRuntimeStatus.Terminated, (await client.GetWorkflowStateAsync("order-9")).RuntimeStatus);
        Assert.Equal(WorkflowRuntimeStatus.Terminated, (await client.GetWorkflowStateAsync("order-9-child")).RuntimeStatus);
    }

    [Fact]
    public async Task A_scheduled_start_is_pending_until_its_reminder_is_due()
    {
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("FiveSteps", "order-10", 0, startTime: WorkflowHarness.T0.AddHours(2));
        await _system.RunUntilIdleAsync();
        Assert.Equal(WorkflowRuntimeStatus.Pending, (await client.GetWorkflowStateAsync("order-10")).RuntimeStatus);

        await _system.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(5, (await client.GetWorkflowStateAsync("order-10")).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Reusing_an_ended_instance_id_runs_the_new_start_cleanly_from_a_fresh_history()
    {
        var client = _system.CreateClient();
        await client.ScheduleNewWorkflowAsync("FiveSteps", "order-11", 0);
        await _system.RunUntilIdleAsync();

        await client.ScheduleNewWorkflowAsync("FiveSteps", "order-11", 100);
        var restarted = await client.GetWorkflowStateAsync("order-11");
        Assert.Equal((WorkflowRuntimeStatus.Running, 100, 0), (restarted.RuntimeStatus, restarted.ReadInputAs<int>(), restarted.ReadOutputAs<int>()));
        await _system.RunUntilIdleAsync();

        Assert.Equal(105, (await client.GetWorkflowStateAsync("order-11")).ReadOutputAs<int>());
        Assert.Equal(5, _system.StateOf("order-11").History.OfType<TaskCompletedEvent>().Count());
    }
}
