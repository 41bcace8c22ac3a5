namespace DaprShop.Workflow;

/// <summary>Base class of a workflow: deterministic orchestration code, replayed from its history on every turn.</summary>
public abstract class Workflow<TInput, TOutput> : IWorkflow
{
    Type IWorkflow.InputType => typeof(TInput);

    async Task<object?> IWorkflow.RunAsync(WorkflowContext context, object? input) => await RunAsync(context, input is null ? default! : (TInput)input);

    public abstract Task<TOutput> RunAsync(WorkflowContext context, TInput input);
}
