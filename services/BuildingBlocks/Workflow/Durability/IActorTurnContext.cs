using DaprShop.Actors;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// What the engine's actor behaviours need from the actor hosting them: its state (each write committed
/// transactionally), its reminders, and a way to run work after the turn without holding the actor's lock. The
/// actors implement it over DaprShop.Actors; tests implement it in memory to simulate crashes deterministically.
/// </summary>
public interface IActorTurnContext
{
    ActorId Id { get; }
    Task<ConditionalValue<T>> TryGetStateAsync<T>(string key);

    /// <summary>Sets and commits.</summary>
    Task SaveStateAsync<T>(string key, T value);

    /// <summary>Removes and commits.</summary>
    Task RemoveStateAsync(string key);

    /// <summary>Creates or overwrites the reminder of that name.</summary>
    Task RegisterReminderAsync(string name, byte[]? state, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminderAsync(string name);

    /// <summary>Starts <paramref name="work"/> once the current turn no longer holds the actor; failures are only logged.</summary>
    void RunAfterTurn(Func<Task> work);
}
