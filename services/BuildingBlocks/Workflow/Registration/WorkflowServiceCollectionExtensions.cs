using DaprShop.Actors;
using DaprShop.Workflow.Durability;
using DaprShop.Workflow.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    private const int WorkflowReminderStoragePartitions = 32;

    /// <summary>
    /// Registers the workflows and activities, the engine's workflow actor type (hosted by this app; map it with
    /// <c>MapActorsHandlers</c>), its in-process activity runner and <see cref="DaprWorkflowClient"/>.
    /// </summary>
    public static IServiceCollection AddDaprWorkflow(this IServiceCollection services, Action<WorkflowRuntimeOptions> configure)
    {
        var options = new WorkflowRuntimeOptions();
        configure(options);
        var appId = string.IsNullOrEmpty(options.AppId)
            ? throw new InvalidOperationException("The workflow engine's actor types need the app id: set APP_ID or options.AppId.")
            : options.AppId;
        var actorTypes = WorkflowActorTypeNames.For(appId, options.Namespace);

        services.AddSingleton(options);
        services.AddSingleton(actorTypes);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
            new WorkflowExecutor(options, provider, provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.AddSingleton(provider => new WorkflowTurnProcessor(provider.GetRequiredService<WorkflowExecutor>(), options.MaxPayloadBytes));
        services.AddSingleton<ActivityRunner>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<DaprWorkflowClient>();
        services.AddActors(actors =>
        {
            // Every instance keeps reminders while it runs: one list per type would be rewritten whole on each change.
            actors.RemindersStoragePartitions ??= WorkflowReminderStoragePartitions;
            actors.Actors.RegisterActor<WorkflowActor>(actorTypes.Workflow);
        });
        return services;
    }
}
