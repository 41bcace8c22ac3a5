using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Workflow;

/// <summary>
/// The workflows and activities this app can run, by name (what <c>AddDaprWorkflow</c> configures). Every replica
/// must register the same set, because any of them may replay any instance.
/// </summary>
public sealed class WorkflowRuntimeOptions
{
    /// <summary>The app id in the engine's actor type names; defaults to the APP_ID environment variable.</summary>
    public string? AppId { get; set; } = Environment.GetEnvironmentVariable("APP_ID");

    /// <summary>The namespace in the engine's actor type names; defaults to NAMESPACE, then "default".</summary>
    public string? Namespace { get; set; } = Environment.GetEnvironmentVariable("NAMESPACE");

    /// <summary>The largest input, output, event or custom status a workflow may produce, in UTF-8 bytes.</summary>
    public int MaxPayloadBytes { get; set; } = Execution.WorkflowTurnProcessor.DefaultMaxPayloadBytes;

    /// <summary>
    /// The period of the instance's <c>recovery</c> reminder, which repairs what a crash interrupted: it re-runs the
    /// turn and re-sends the outbox, including activity requests whose result has not arrived (running the activity
    /// again). Shorter means faster repair after a crash and more idle ticks.
    /// </summary>
    public TimeSpan RecoveryInterval { get; set; } = DefaultRecoveryInterval;

    /// <summary>Dapr's workflow engine used 1-minute reminder periods.</summary>
    public static readonly TimeSpan DefaultRecoveryInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Func<IServiceProvider, IWorkflow>> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IServiceProvider, IWorkflowActivity>> _activities = new(StringComparer.Ordinal);

    /// <summary>Registers <typeparamref name="TWorkflow"/> under its class name or <paramref name="name"/>; built through DI.</summary>
    public void RegisterWorkflow<TWorkflow>(string? name = null) where TWorkflow : class, IWorkflow =>
        Add(_workflows, name ?? typeof(TWorkflow).Name, services => ActivatorUtilities.CreateInstance<TWorkflow>(services));

    public void RegisterWorkflow<TInput, TOutput>(string name, Func<WorkflowContext, TInput, Task<TOutput>> implementation) =>
        Add(_workflows, name, _ => new DelegateWorkflow<TInput, TOutput>(implementation));

    /// <summary>Registers <typeparamref name="TActivity"/> under its class name or <paramref name="name"/>; built through DI.</summary>
    public void RegisterActivity<TActivity>(string? name = null) where TActivity : class, IWorkflowActivity =>
        Add(_activities, name ?? typeof(TActivity).Name, services => ActivatorUtilities.CreateInstance<TActivity>(services));

    public void RegisterActivity<TInput, TOutput>(string name, Func<WorkflowActivityContext, TInput, Task<TOutput>> implementation) =>
        Add(_activities, name, _ => new DelegateActivity<TInput, TOutput>(implementation));

    internal IWorkflow? CreateWorkflow(string name, IServiceProvider services) =>
        _workflows.TryGetValue(name, out var create) ? create(services) : null;

    internal IWorkflowActivity? CreateActivity(string name, IServiceProvider services) =>
        _activities.TryGetValue(name, out var create) ? create(services) : null;

    private static void Add<T>(Dictionary<string, Func<IServiceProvider, T>> registrations, string name, Func<IServiceProvider, T> create)
    {
        if (!registrations.TryAdd(name, create))
        {
            throw new InvalidOperationException($"'{name}' is already registered.");
        }
    }

    private sealed class DelegateWorkflow<TInput, TOutput>(Func<WorkflowContext, TInput, Task<TOutput>> implementation) : Workflow<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(WorkflowContext context, TInput input) => implementation(context, input);
    }

    private sealed class DelegateActivity<TInput, TOutput>(Func<WorkflowActivityContext, TInput, Task<TOutput>> implementation) : WorkflowActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(WorkflowActivityContext context, TInput input) => implementation(context, input);
    }
}
