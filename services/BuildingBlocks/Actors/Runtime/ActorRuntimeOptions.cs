using System.Text.Json;

namespace DaprShop.Actors;

/// <summary>Registration (Dapr's ActorRuntimeOptions) used by <c>services.AddActors(options =&gt; ...)</c>.</summary>
public sealed class ActorRuntimeOptions
{
    /// <summary>daprd's defaults, announced explicitly in <c>/dapr/config</c> when not configured.</summary>
    internal static readonly TimeSpan DefaultActorIdleTimeout = TimeSpan.FromMinutes(60);

    internal static readonly TimeSpan DefaultDrainOngoingCallTimeout = TimeSpan.FromSeconds(60);

    public ActorRegistrationCollection Actors { get; } = new();

    public TimeSpan? ActorIdleTimeout { get; set; }

    public TimeSpan? DrainOngoingCallTimeout { get; set; }

    /// <summary>Whether daprd waits for ongoing calls before moving actors to another host; null leaves daprd's default.</summary>
    public bool? DrainRebalancedActors { get; set; }

    public ActorReentrancyConfig ReentrancyConfig { get; set; } = new();

    /// <summary>
    /// How many state keys the sidecar spreads each actor type's reminders over, so a change rewrites one small list
    /// instead of all of them; null leaves daprd's default (0: one key per type).
    /// </summary>
    public int? RemindersStoragePartitions { get; set; }

    /// <summary>For method arguments and results, state values (not for Dapr's own envelopes).</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>The sidecar's HTTP endpoint; null reads DAPR_HTTP_ENDPOINT / DAPR_HTTP_PORT from the app's configuration.</summary>
    public string? HttpEndpoint { get; set; }

    /// <summary>The token sent to the sidecar; null reads DAPR_API_TOKEN from the app's configuration.</summary>
    public string? DaprApiToken { get; set; }

    /// <summary>Timeout of each call to the sidecar (actor calls included, which may wait for the callee's turn).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
