namespace DaprShop.Workflow.Execution;

/// <summary>
/// Runs every continuation of workflow code on the replaying thread, in the order it was posted. The executor
/// drains it after each history event, so an await that nothing has resolved simply stays pending and the turn
/// ends with the actions issued so far.
/// </summary>
internal sealed class WorkflowSynchronizationContext : SynchronizationContext
{
    /// <summary>What breaks replay, for the diagnostics that detect it.</summary>
    public const string DeterminismHint =
        "Only await tasks from the WorkflowContext, on its thread: no Task.Delay, Task.Run, I/O or ConfigureAwait(false).";

    private readonly Queue<(SendOrPostCallback Callback, object? State)> _continuations = new();

    public override void Post(SendOrPostCallback d, object? state) => _continuations.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    public void RunPending()
    {
        while (_continuations.TryDequeue(out var continuation))
        {
            continuation.Callback(continuation.State);
        }
    }

    /// <summary>Runs <paramref name="action"/> with this context current, then everything it posted.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            RunPending();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
