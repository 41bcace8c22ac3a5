using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Actors;

/// <summary>
/// The active instances of one actor type (Dapr.Actors' ActorManager): one instance per id, activated by its first
/// call, removed by deactivation. daprd serializes the turns of an id, so turns are not locked here again.
/// </summary>
internal sealed class ActorManager(ActorTypeInformation typeInformation, ActorHostFactory hostFactory, IServiceProvider services, ILogger logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ActiveActor>>> _activeActors = new(StringComparer.Ordinal);

    public ActorTypeInformation TypeInformation => typeInformation;

    public Task<object?> InvokeMethodAsync(string actorId, ActorMethodShape method, object? argument, CancellationToken cancellationToken) =>
        RunTurnAsync(
            actorId,
            new ActorMethodContext(method.Name, ActorCallType.ActorInterfaceMethod),
            actor => method.InvokeAsync(actor, argument, cancellationToken));

    public Task FireReminderAsync(string actorId, string reminderName, ActorScheduleBody reminder) =>
        RunTurnAsync<object?>(
            actorId,
            new ActorMethodContext(nameof(IRemindable.ReceiveReminderAsync), ActorCallType.ReminderMethod),
            async actor =>
            {
                await ((IRemindable)actor).ReceiveReminderAsync(reminderName, reminder.Data, reminder.DueTime, reminder.Period);
                return null;
            });

    public Task FireTimerAsync(string actorId, MethodInfo callback, byte[] state) =>
        RunTurnAsync<object?>(
            actorId,
            new ActorMethodContext(callback.Name, ActorCallType.TimerMethod),
            async actor =>
            {
                var arguments = callback.GetParameters().Length == 0 ? null : new object[] { state };
                await (Task)callback.Invoke(actor, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
                return null;
            });

    /// <summary>Deactivates the instance if it is active; deactivating an inactive id is not an error (daprd may retry).</summary>
    public async Task DeactivateAsync(string actorId)
    {
        if (!_activeActors.TryRemove(actorId, out var activation)) return;

        ActiveActor active;
        try
        {
            active = await activation.Value;
        }
        catch (Exception exception)
        {
            // Activation already failed and cleaned up after itself; there is nothing to deactivate.
            logger.LogDebug(exception, "Actor {ActorType}/{ActorId} was never activated", typeInformation.ActorTypeName, actorId);
            return;
        }

        await using (active.Scope)
        {
            await active.Actor.OnDeactivateInternalAsync();
        }
    }

    private async Task<T> RunTurnAsync<T>(string actorId, ActorMethodContext context, Func<Actor, Task<T>> body)
    {
        var actor = await GetOrActivateAsync(actorId);
        try
        {
            await actor.OnPreActorMethodInternalAsync(context);
            var result = await body(actor);
            await actor.OnPostActorMethodInternalAsync(context);
            return result;
        }
        catch
        {
            await actor.OnInvokeFailedAsync();
            throw;
        }
    }

    private async Task<Actor> GetOrActivateAsync(string actorId)
    {
        var activation = _activeActors.GetOrAdd(actorId, id => new Lazy<Task<ActiveActor>>(() => ActivateAsync(id)));
        try
        {
            return (await activation.Value).Actor;
        }
        catch
        {
            // Let the next call try a fresh activation instead of replaying this failure forever.
            _activeActors.TryRemove(KeyValuePair.Create(actorId, activation));
            throw;
        }
    }

    private async Task<ActiveActor> ActivateAsync(string actorId)
    {
        var scope = services.CreateAsyncScope();
        try
        {
            var host = hostFactory.Create(typeInformation.ActorTypeName, new ActorId(actorId));
            var actor = (Actor)ActivatorUtilities.CreateInstance(scope.ServiceProvider, typeInformation.ImplementationType, host);
            await actor.OnActivateInternalAsync();
            logger.LogDebug("Activated actor {ActorType}/{ActorId}", typeInformation.ActorTypeName, actorId);
            return new ActiveActor(actor, scope);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instance and the DI scope its dependencies came from, disposed when it is deactivated.</summary>
    private sealed record ActiveActor(Actor Actor, AsyncServiceScope Scope);
}
