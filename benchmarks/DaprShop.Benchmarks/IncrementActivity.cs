using DaprShop.Workflow;

namespace DaprShop.Benchmarks;

/// <summary>One step of <see cref="FiveStepWorkflow"/>: as little work as an activity can do.</summary>
public sealed class IncrementActivity : WorkflowActivity<int, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, int input) => Task.FromResult(input + 1);
}
