using DaprShop.Dapr;

namespace DaprShop.Actors;

/// <summary>
/// The <c>GET /dapr/config</c> answer: the hosted actor types and the actor settings, durations as Go duration
/// strings. Unset durations are sent as daprd's defaults so the answer always states what applies.
/// </summary>
internal static class ActorAppConfiguration
{
    public static byte[] Write(ActorRuntimeOptions options, IEnumerable<string> actorTypeNames) =>
        WireJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entities");
            foreach (var actorTypeName in actorTypeNames) writer.WriteStringValue(actorTypeName);
            writer.WriteEndArray();
            writer.WriteString("actorIdleTimeout", DaprDuration.Format(options.ActorIdleTimeout ?? ActorRuntimeOptions.DefaultActorIdleTimeout));
            writer.WriteString(
                "drainOngoingCallTimeout", DaprDuration.Format(options.DrainOngoingCallTimeout ?? ActorRuntimeOptions.DefaultDrainOngoingCallTimeout));
            if (options.DrainRebalancedActors is { } drain) writer.WriteBoolean("drainRebalancedActors", drain);
            if (options.RemindersStoragePartitions is { } partitions) writer.WriteNumber("remindersStoragePartitions", partitions);
            writer.WriteStartObject("reentrancy");
            writer.WriteBoolean("enabled", options.ReentrancyConfig.Enabled);
            if (options.ReentrancyConfig.MaxStackDepth is { } depth) writer.WriteNumber("maxStackDepth", depth);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
}
