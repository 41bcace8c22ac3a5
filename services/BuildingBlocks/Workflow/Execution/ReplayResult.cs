using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Execution;

/// <summary>
/// What one replay decided: the actions issued but not yet in history (ordered by sequence number), the custom
/// status the code left, and the outcome when the execution ended. Non-determinism discards all actions.
/// </summary>
public sealed record ReplayResult(IReadOnlyList<SchedulingEvent> NewActions, string? CustomStatus, WorkflowOutcome? Outcome);
