using System.Text.Json;
using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Actors;

/// <summary>How one hosted actor type behaves; entitiesConfig[] entries override the top-level values per type.</summary>
/// <param name="RemindersStoragePartitions">How many state keys the type's reminders are spread over; 0 keeps them under one.</param>
public sealed record ActorTypeSettings(TimeSpan IdleTimeout, bool ReentrancyEnabled, int MaxStackDepth, int RemindersStoragePartitions = 0);

/// <summary>
/// The actor part of the app's <c>GET /dapr/config</c> answer (dapr/dapr pkg/config/app_configuration.go). Defaults as
/// pkg/actors/api/config.go: actorIdleTimeout 60m, drainOngoingCallTimeout 60s, reentrancy off with maxStackDepth 32,
/// remindersStoragePartitions 0.
/// </summary>
public sealed record ActorHostConfig(
    IReadOnlyDictionary<string, ActorTypeSettings> Types,
    TimeSpan DrainOngoingCallTimeout,
    bool DrainRebalancedActors)
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan DefaultDrainOngoingCallTimeout = TimeSpan.FromSeconds(60);
    public const int DefaultMaxStackDepth = 32;

    public static readonly ActorHostConfig None = new(new Dictionary<string, ActorTypeSettings>(), DefaultDrainOngoingCallTimeout, false);

    /// <summary>Null, non-JSON or entity-less answers host no actors, as daprd treats a failed /dapr/config.</summary>
    public static ActorHostConfig Parse(string? appConfigJson)
    {
        if (string.IsNullOrWhiteSpace(appConfigJson)) return None;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(appConfigJson);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return None;
        }
        if (root.ValueKind != JsonValueKind.Object) return None;

        var defaults = ReadSettings(root, new ActorTypeSettings(DefaultIdleTimeout, false, DefaultMaxStackDepth));
        var types = new Dictionary<string, ActorTypeSettings>(StringComparer.Ordinal);
        foreach (var type in Strings(root, "entities")) types[type] = defaults;
        if (root.TryGetProperty("entitiesConfig", out var overrides) && overrides.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in overrides.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var settings = ReadSettings(entry, defaults);
                foreach (var type in Strings(entry, "entities").Where(types.ContainsKey)) types[type] = settings;
            }
        }
        var drainTimeout = Duration(root, "drainOngoingCallTimeout") ?? DefaultDrainOngoingCallTimeout;
        var drainRebalanced = root.TryGetProperty("drainRebalancedActors", out var drain) && drain.ValueKind == JsonValueKind.True;
        return new ActorHostConfig(types, drainTimeout, drainRebalanced);
    }

    private static ActorTypeSettings ReadSettings(JsonElement element, ActorTypeSettings inherited)
    {
        var settings = inherited with
        {
            IdleTimeout = Duration(element, "actorIdleTimeout") ?? inherited.IdleTimeout,
            RemindersStoragePartitions = element.TryGetProperty("remindersStoragePartitions", out var partitions)
                                         && partitions.ValueKind == JsonValueKind.Number && partitions.TryGetInt32(out var count) && count >= 0
                ? count
                : inherited.RemindersStoragePartitions,
        };
        if (element.TryGetProperty("reentrancy", out var reentrancy) && reentrancy.ValueKind == JsonValueKind.Object)
        {
            settings = settings with
            {
                ReentrancyEnabled = reentrancy.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True,
                MaxStackDepth = reentrancy.TryGetProperty("maxStackDepth", out var depth) && depth.TryGetInt32(out var value) && value > 0
                    ? value
                    : DefaultMaxStackDepth,
            };
        }
        return settings;
    }

    private static TimeSpan? Duration(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                                                          && GoDuration.TryParse(value.GetString(), out var duration) && duration > TimeSpan.Zero
            ? duration
            : null;

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).Where(s => s.Length > 0)
            : [];
}
