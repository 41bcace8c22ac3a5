using DaprShop.Workflow;

namespace DaprShop.Benchmarks;

/// <summary>
/// The workflow the <c>workflows</c> command runs: five activities in sequence, each trivial, so what is measured is
/// the engine's cost per step (history commits, activity actors, reminders), not the work.
/// </summary>
public sealed class FiveStepWorkflow : Workflow<int, int>
{
    public const int Steps = 5;

    public override async Task<int> RunAsync(WorkflowContext context, int input)
    {
        var value = input;
        for (var step = 0; step < Steps; step++) value = await context.CallActivityAsync<int>(nameof(IncrementActivity), value);
        return value;
    }
}
