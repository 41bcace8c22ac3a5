namespace DaprShop.Workflow;

/// <summary>Untyped entry point the engine runs; implement <see cref="WorkflowActivity{TInput,TOutput}"/> instead.</summary>
public interface IWorkflowActivity
{
    Type InputType { get; }
    Task<object?> RunAsync(WorkflowActivityContext context, object? input);
}
