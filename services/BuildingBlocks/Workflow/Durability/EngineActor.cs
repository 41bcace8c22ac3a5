using DaprShop.Actors;
using Microsoft.Extensions.Logging;

namespace DaprShop.Workflow.Durability;

/// <summary>Base of the engine's actor types: exposes the actor's state and reminders as an <see cref="IActorTurnContext"/>.</summary>
public abstract class EngineActor(ActorHost host) : Actor(host), IActorTurnContext
{
    Task<ConditionalValue<T>> IActorTurnContext.TryGetStateAsync<T>(string key) => StateManager.TryGetStateAsync<T>(key);

    async Task IActorTurnContext.SaveStateAsync<T>(string key, T value)
    {
        await StateManager.SetStateAsync(key, value);
        await StateManager.SaveStateAsync();
    }

    async Task IActorTurnContext.RemoveStateAsync(string key)
    {
        await StateManager.TryRemoveStateAsync(key);
        await StateManager.SaveStateAsync();
    }

    Task IActorTurnContext.RegisterReminderAsync(string name, byte[]? state, TimeSpan dueTime, TimeSpan period) =>
        RegisterReminderAsync(name, state, dueTime, period);

    Task IActorTurnContext.UnregisterReminderAsync(string name) => UnregisterReminderAsync(name);

    void IActorTurnContext.RunAfterTurn(Func<Task> work) => _ = Task.Run(async () =>
    {
        try
        {
            await work();
        }
        catch (Exception exception)
        {
            Logger.LogWarning(exception, "After-turn work of actor {ActorId} failed; its recovery reminder retries it", Id);
        }
    });
}
