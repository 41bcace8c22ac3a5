namespace DaprShop.Workflow;

/// <summary>Untyped entry point the engine runs; implement <see cref="Workflow{TInput,TOutput}"/> instead.</summary>
public interface IWorkflow
{
    Type InputType { get; }
    Task<object?> RunAsync(WorkflowContext context, object? input);
}
