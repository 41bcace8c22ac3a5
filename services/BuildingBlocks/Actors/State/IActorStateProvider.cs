namespace DaprShop.Actors;

/// <summary>Where actor state lives: the sidecar's actor state API in production.</summary>
internal interface IActorStateProvider
{
    /// <summary>The stored JSON of one key, or null when the key does not exist.</summary>
    Task<byte[]?> TryLoadStateAsync(string actorType, string actorId, string stateName, CancellationToken cancellationToken);

    /// <summary>Applies all changes atomically.</summary>
    Task SaveStateAsync(string actorType, string actorId, IReadOnlyList<ActorStateChange> changes, CancellationToken cancellationToken);
}
