using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DaprShop.Actors;

/// <summary>What an actor instance is given at construction (Dapr's ActorHost).</summary>
public sealed class ActorHost
{
    public required ActorId Id { get; init; }

    public required string ActorTypeName { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    public required JsonSerializerOptions JsonSerializerOptions { get; init; }

    public required IActorProxyFactory ProxyFactory { get; init; }

    /// <summary>The sidecar behind state, reminders and timers; null for an actor built outside the runtime.</summary>
    internal ActorSidecarClient? Sidecar { get; init; }
}
