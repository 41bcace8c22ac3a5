using DaprShop.Workflow;

namespace DaprShop.Benchmarks;

/// <summary>
/// The workflow host of the <c>workflows</c> command (<c>serve-workflow-app</c> mode): the workflow engine with
/// <see cref="FiveStepWorkflow"/>, its workflow and activity actors hosted by this app on the actor runtime.
/// </summary>
public static class BenchmarkWorkflowApp
{
    public const string AppId = "bench-workflows";
    public const string ServeMode = "serve-workflow-app";

    public static Task<int> ServeAsync(IReadOnlyList<string> arguments) =>
        ActorHostApp.ServeAsync(arguments, services => services.AddDaprWorkflow(options =>
        {
            options.AppId = AppId;
            options.RegisterWorkflow<FiveStepWorkflow>();
            options.RegisterActivity<IncrementActivity>();
        }));
}
