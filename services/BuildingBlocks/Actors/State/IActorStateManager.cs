namespace DaprShop.Actors;

/// <summary>Per-activation cached state, saved transactionally at the end of each turn (Dapr's IActorStateManager).</summary>
public interface IActorStateManager
{
    Task AddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default);

    Task<T> GetStateAsync<T>(string stateName, CancellationToken cancellationToken = default);

    Task SetStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default);

    Task RemoveStateAsync(string stateName, CancellationToken cancellationToken = default);

    Task<bool> TryAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default);

    Task<ConditionalValue<T>> TryGetStateAsync<T>(string stateName, CancellationToken cancellationToken = default);

    Task<bool> TryRemoveStateAsync(string stateName, CancellationToken cancellationToken = default);

    Task<bool> ContainsStateAsync(string stateName, CancellationToken cancellationToken = default);

    Task<T> GetOrAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default);

    Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, CancellationToken cancellationToken = default);

    Task ClearCacheAsync(CancellationToken cancellationToken = default);

    Task SaveStateAsync(CancellationToken cancellationToken = default);
}
