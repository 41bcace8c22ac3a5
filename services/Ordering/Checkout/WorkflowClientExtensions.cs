using DaprShop.Workflow;

namespace DaprShop.Ordering.Checkout;

internal static class WorkflowClientExtensions
{
    /// <summary>
    /// Starts the instance unless it exists, running or done: a retried request must not run a finished checkout or
    /// refund again. Two requests racing past the check both end here, and the loser's start is refused harmlessly.
    /// </summary>
    public static async Task StartOnceAsync(this DaprWorkflowClient workflows, string name, string instanceId, object input, CancellationToken cancellationToken)
    {
        if ((await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellationToken)).Exists) return;
        try
        {
            await workflows.ScheduleNewWorkflowAsync(name, instanceId, input);
        }
        catch (InvalidOperationException)
        {
            // Started by the concurrent request.
        }
    }
}
