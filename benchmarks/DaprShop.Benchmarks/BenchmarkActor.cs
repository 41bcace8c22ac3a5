using DaprShop.Actors;

namespace DaprShop.Benchmarks;

/// <summary>The benchmark actor's one method, as callers see it.</summary>
public interface IBenchmarkActor : IActor
{
    /// <summary>Counts this call; answers how many turns the actor has taken.</summary>
    Task<long> CountTurnAsync();
}

/// <summary>
/// The smallest actor turn that still uses actor state the way real actors do: read one value, write it back
/// changed, so the turn ends with one transactional save through the sidecar to the actor state store.
/// </summary>
public sealed class BenchmarkActor(ActorHost host) : Actor(host), IBenchmarkActor
{
    public const string TypeName = nameof(BenchmarkActor);
    public const string MethodName = nameof(CountTurnAsync);

    private const string TurnsStateName = "turns";

    public Task<long> CountTurnAsync() => StateManager.AddOrUpdateStateAsync(TurnsStateName, 1L, (_, turns) => turns + 1);
}
