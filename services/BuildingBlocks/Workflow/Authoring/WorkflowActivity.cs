namespace DaprShop.Workflow;

/// <summary>
/// Base class of an activity: ordinary async code, built through DI. It runs at least once, so make it idempotent
/// (derive idempotency keys from <see cref="WorkflowActivityContext.TaskExecutionKey"/>).
/// </summary>
public abstract class WorkflowActivity<TInput, TOutput> : IWorkflowActivity
{
    Type IWorkflowActivity.InputType => typeof(TInput);

    async Task<object?> IWorkflowActivity.RunAsync(WorkflowActivityContext context, object? input) => await RunAsync(context, input is null ? default! : (TInput)input);

    public abstract Task<TOutput> RunAsync(WorkflowActivityContext context, TInput input);
}
