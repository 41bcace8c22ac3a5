namespace DaprShop.Workflow;

/// <summary>
/// Retries of an activity or child workflow, run in workflow code with durable timers between attempts (so every
/// retry shows in the history). Changing a policy for in-flight instances breaks determinism.
/// </summary>
public sealed class WorkflowRetryPolicy
{
    /// <summary>Durable Task's default cap; Dapr leaves null uncapped, we pick the documented one hour explicitly.</summary>
    public static readonly TimeSpan DefaultMaxRetryInterval = TimeSpan.FromHours(1);

    public WorkflowRetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        var maxInterval = maxRetryInterval ?? DefaultMaxRetryInterval;
        var timeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInterval, firstRetryInterval, nameof(maxRetryInterval));
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, firstRetryInterval, nameof(retryTimeout));
        }

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxInterval;
        RetryTimeout = timeout;
    }

    public int MaxNumberOfAttempts { get; }
    public TimeSpan FirstRetryInterval { get; }
    public double BackoffCoefficient { get; }
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Measured from the first attempt in workflow time; <see cref="Timeout.InfiniteTimeSpan"/> is unlimited.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>
    /// The delay before the next attempt after the 0-based <paramref name="failedAttempt"/> failed at
    /// <paramref name="now"/>, or null when the policy gives up.
    /// </summary>
    public TimeSpan? NextDelay(int failedAttempt, DateTime firstAttemptAt, DateTime now)
    {
        if (failedAttempt + 1 >= MaxNumberOfAttempts)
        {
            return null;
        }
        if (RetryTimeout != Timeout.InfiniteTimeSpan && now >= firstAttemptAt + RetryTimeout)
        {
            return null;
        }
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, failedAttempt);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}
