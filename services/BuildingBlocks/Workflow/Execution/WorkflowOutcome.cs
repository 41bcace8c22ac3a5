using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Execution;

/// <summary>How an execution ended in a replay, if it did.</summary>
public abstract record WorkflowOutcome
{
    /// <summary>The code returned <see cref="Output"/> (JSON).</summary>
    public sealed record Completed(string? Output) : WorkflowOutcome;

    /// <summary>The code threw, or its replay was non-deterministic.</summary>
    public sealed record Failed(WorkflowTaskFailureDetails FailureDetails) : WorkflowOutcome;

    /// <summary>The code called ContinueAsNew and returned; <see cref="CarryoverEvents"/> start the next generation.</summary>
    public sealed record ContinuedAsNew(string? Input, IReadOnlyList<EventRaisedEvent> CarryoverEvents) : WorkflowOutcome;
}
