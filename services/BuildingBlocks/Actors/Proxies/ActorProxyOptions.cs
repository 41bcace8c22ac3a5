using System.Text.Json;
using DaprShop.Dapr;

namespace DaprShop.Actors;

/// <summary>Where proxies send calls and how they serialize (Dapr.Actors' ActorProxyOptions).</summary>
public sealed class ActorProxyOptions
{
    public string HttpEndpoint { get; set; } = DaprDefaults.GetDefaultHttpEndpoint();

    public string? DaprApiToken { get; set; } = DaprDefaults.GetDefaultDaprApiToken();

    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>Timeout of each call; it includes waiting for the callee's turn.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
