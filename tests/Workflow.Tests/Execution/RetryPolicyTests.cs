using DaprShop.Workflow.Execution;
using DaprShop.Workflow.History;
using DaprShop.Workflow.Tests.Infrastructure;

namespace DaprShop.Workflow.Tests.Execution;

/// <summary>§12.9: retry delays, limits and their durable timers.</summary>
public sealed class RetryPolicyTests
{
    [Fact]
    public void Delays_grow_by_the_coefficient_and_are_capped_at_the_max_interval()
    {
        var policy = new WorkflowRetryPolicy(6, TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(5));
        var t = WorkflowHarness.T0;

        var delays = Enumerable.Range(0, 6).Select(failed => policy.NextDelay(failed, t, t)).ToList();

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), null], delays);
    }

    [Fact]
    public void The_retry_timeout_is_measured_from_the_first_attempt_in_workflow_time()
    {
        var policy = new WorkflowRetryPolicy(10, TimeSpan.FromSeconds(10), retryTimeout: TimeSpan.FromMinutes(1));
        var first = WorkflowHarness.T0;

        Assert.NotNull(policy.NextDelay(3, first, first.AddSeconds(59)));
        Assert.Null(policy.NextDelay(3, first, first.AddMinutes(1)));
        Assert.Equal(WorkflowRetryPolicy.DefaultMaxRetryInterval, policy.MaxRetryInterval);
    }

    [Theory]
    [InlineData(0, 1, 1.0)]
    [InlineData(1, 0, 1.0)]
    [InlineData(1, 1, 0.5)]
    public void Invalid_policies_are_rejected(int attempts, int firstIntervalSeconds, double coefficient) =>
        Assert.ThrowsAny<ArgumentException>(() => new WorkflowRetryPolicy(attempts, TimeSpan.FromSeconds(firstIntervalSeconds), coefficient));

    private static WorkflowHarness ChargeWithRetries(int maxAttempts)
    {
        var harness = new WorkflowHarness();
        var policy = new WorkflowRetryPolicy(maxAttempts, TimeSpan.FromSeconds(10), backoffCoefficient: 3);
        harness.Workflows.RegisterWorkflow<object?, string>("Charge", (context, _) =>
            context.CallActivityAsync<string>("Charge", options: new WorkflowTaskOptions(policy)));
        return harness.Start("Charge");
    }

    [Fact]
    public void Two_retries_leave_the_documented_history_with_durable_timers_between_attempts()
    {
        var harness = ChargeWithRetries(maxAttempts: 3);
        harness.Turn();
        harness.Deliver(harness.ActivityFailed(0, new TimeoutException("gateway"))).Turn();
        Assert.Equal(WorkflowHarness.T0.AddSeconds(10), harness.CreatedTimers[0].FireAt);
        harness.Now = WorkflowHarness.T0.AddSeconds(10);
        harness.Deliver(harness.TimerFired(1)).Turn();
        harness.Deliver(harness.ActivityFailed(2, new TimeoutException("gateway"))).Turn();
        Assert.Equal(harness.Now.AddSeconds(30), harness.CreatedTimers[1].FireAt);
        harness.Now = harness.Now.AddSeconds(30);
        harness.Deliver(harness.TimerFired(3)).Turn();
        harness.Deliver(harness.ActivityCompleted(4, "charged")).Turn();

        Assert.Equal("charged", harness.Output<string>());
        var kinds = harness.State.History.Where(e => e is SchedulingEvent or CompletionEvent).Select(e => e.GetType().Name.Replace("Event", ""));
        Assert.Equal(
            ["TaskScheduled", "TaskFailed", "TimerCreated", "TimerFired", "TaskScheduled", "TaskFailed", "TimerCreated", "TimerFired", "TaskScheduled", "TaskCompleted"],
            kinds);
    }

    [Fact]
    public void After_the_last_attempt_the_failure_is_rethrown()
    {
        var harness = ChargeWithRetries(maxAttempts: 2);
        harness.Turn();
        harness.Deliver(harness.ActivityFailed(0, new TimeoutException("first"))).Turn();
        harness.Deliver(harness.TimerFired(1)).Turn();
        harness.Deliver(harness.ActivityFailed(2, new TimeoutException("second"))).Turn();

        Assert.Equal(WorkflowRuntimeStatus.Failed, harness.Status);
        Assert.Equal(typeof(WorkflowTaskFailedException).FullName, harness.Failure.ErrorType);
        Assert.Contains("second", harness.Failure.ErrorMessage);
    }

    [Fact]
    public void Changing_the_policy_of_an_in_flight_instance_is_detected_as_non_determinism()
    {
        var harness = ChargeWithRetries(maxAttempts: 3);
        harness.Turn();
        harness.Deliver(harness.ActivityFailed(0, new TimeoutException("gateway"))).Turn();

        var withoutRetries = new WorkflowHarness();
        withoutRetries.Workflows.RegisterWorkflow<object?, string>("Charge", (context, _) => context.CallActivityAsync<string>("Charge"));
        var state = new WorkflowTurnProcessor(withoutRetries.CreateExecutor()).Process(
            harness.State with { Inbox = [harness.TimerFired(1)] }, harness.Now);

        Assert.Equal(typeof(NonDeterministicWorkflowException).FullName, state.Completed!.FailureDetails!.ErrorType);
    }
}
