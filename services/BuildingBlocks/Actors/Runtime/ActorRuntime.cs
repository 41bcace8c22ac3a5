using Microsoft.Extensions.Logging;

namespace DaprShop.Actors;

/// <summary>The actor types this app hosts (Dapr.Actors' ActorRuntime), by the names daprd uses.</summary>
internal sealed class ActorRuntime
{
    private readonly Dictionary<string, ActorManager> _managers;

    public ActorRuntime(ActorRuntimeOptions options, ActorHostFactory hostFactory, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        Options = options;
        var logger = loggerFactory.CreateLogger<ActorRuntime>();
        _managers = options.Actors.Registrations.ToDictionary(
            registration => registration.ActorTypeName,
            registration => new ActorManager(registration, hostFactory, services, logger),
            StringComparer.Ordinal);
    }

    public ActorRuntimeOptions Options { get; }

    public IEnumerable<string> ActorTypeNames => _managers.Keys;

    public bool TryGetManager(string actorTypeName, out ActorManager manager) => _managers.TryGetValue(actorTypeName, out manager!);
}
