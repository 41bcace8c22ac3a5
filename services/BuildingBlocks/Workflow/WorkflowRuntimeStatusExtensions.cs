namespace DaprShop.Workflow;

public static class WorkflowRuntimeStatusExtensions
{
    /// <summary>Completed, Failed or Terminated: the instance will not run again unless its ID is reused.</summary>
    public static bool IsTerminal(this WorkflowRuntimeStatus status) =>
        status is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;
}
