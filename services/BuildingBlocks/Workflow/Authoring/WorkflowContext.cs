using Microsoft.Extensions.Logging;

namespace DaprShop.Workflow;

/// <summary>
/// What workflow code may use (Dapr.Workflow's WorkflowContext). Workflow code is replayed from the start on every
/// turn, so it must be deterministic: use <see cref="CurrentUtcDateTime"/>, <see cref="NewGuid"/> and activities
/// instead of the clock, Guid.NewGuid, I/O, Task.Run, Task.Delay or ConfigureAwait(false).
/// </summary>
public abstract class WorkflowContext
{
    public abstract string Name { get; }
    public abstract string InstanceId { get; }

    /// <summary>The timestamp of the turn being replayed, identical on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code re-runs over history it has already produced.</summary>
    public abstract bool IsReplaying { get; }

    public abstract Task<T> CallActivityAsync<T>(string name, object? input = null, WorkflowTaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, WorkflowTaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken = default) =>
        CreateTimer(CurrentUtcDateTime + delay, cancellationToken);

    /// <summary>Waits for an event (names are case-insensitive); an event raised before the wait is buffered.</summary>
    public abstract Task<T> WaitForExternalEventAsync<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits with a durable timeout: throws <see cref="TaskCanceledException"/> when the timer wins. A negative
    /// timeout waits forever; zero returns a buffered event or throws at once.
    /// </summary>
    public abstract Task<T> WaitForExternalEventAsync<T>(string eventName, TimeSpan timeout);

    /// <summary>Raises an event on another instance; a missing target drops it silently.</summary>
    public abstract void SendEvent(string instanceId, string eventName, object payload);

    public abstract Task<TResult> CallChildWorkflowAsync<TResult>(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null);

    public Task CallChildWorkflowAsync(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null) =>
        CallChildWorkflowAsync<object?>(workflowName, input, options);

    /// <summary>Stored with the next commit and exposed by the client; null clears it.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>
    /// Restarts the workflow with a fresh history once the code returns (return right after calling this). Events
    /// not consumed yet are carried over unless <paramref name="preserveUnprocessedEvents"/> is false.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A name-based (v5) UUID, identical on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes nothing while <see cref="IsReplaying"/>.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    public ILogger CreateReplaySafeLogger(Type type) => CreateReplaySafeLogger(type.FullName ?? type.Name);

    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));
}
