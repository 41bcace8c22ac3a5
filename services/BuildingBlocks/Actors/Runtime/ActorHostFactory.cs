using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DaprShop.Actors;

/// <summary>Builds the <see cref="ActorHost"/> of each activation from the runtime's shared services.</summary>
internal sealed class ActorHostFactory(
    ActorSidecarClient sidecar, IActorProxyFactory proxyFactory, ILoggerFactory loggerFactory, JsonSerializerOptions jsonSerializerOptions)
{
    public ActorHost Create(string actorTypeName, ActorId actorId) =>
        new()
        {
            Id = actorId,
            ActorTypeName = actorTypeName,
            LoggerFactory = loggerFactory,
            JsonSerializerOptions = jsonSerializerOptions,
            ProxyFactory = proxyFactory,
            Sidecar = sidecar,
        };
}
