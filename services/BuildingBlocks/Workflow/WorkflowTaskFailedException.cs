namespace DaprShop.Workflow;

/// <summary>Thrown inside a workflow when an awaited activity or child workflow failed (catch it to compensate).</summary>
public sealed class WorkflowTaskFailedException(string message, WorkflowTaskFailureDetails failureDetails) : Exception(message)
{
    public WorkflowTaskFailureDetails FailureDetails { get; } = failureDetails;
}
