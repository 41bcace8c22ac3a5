using System.Text.Json;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>The metadata API (reference §8.1): fields are omitted when empty, as protojson does.</summary>
public static class MetadataApi
{
    public static void MapMetadataApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/v1.0/metadata", GetAsync);
        api.MapPut("/v1.0/metadata/{key}", async (HttpContext context, SidecarRuntime runtime, string key) =>
        {
            var body = await ApiRequest.ReadBodyAsync(context);
            runtime.ExtendedMetadata[key] = System.Text.Encoding.UTF8.GetString(body);
            ApiResponse.NoContent(context);
        });
    }

    private static Task GetAsync(HttpContext context, SidecarRuntime runtime)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", runtime.Options.AppId);
            json.WriteString("runtimeVersion", SidecarRuntime.RuntimeVersion);
            if (runtime.Resources.Configuration.EnabledFeatures.Count > 0)
            {
                json.WriteStartArray("enabledFeatures");
                foreach (var feature in runtime.Resources.Configuration.EnabledFeatures) json.WriteStringValue(feature);
                json.WriteEndArray();
            }
            WriteActiveActors(json, "actors", runtime);
            WriteComponents(json, runtime);
            json.WriteStartObject("extended");
            foreach (var (key, value) in runtime.ExtendedMetadata) json.WriteString(key, value);
            json.WriteString("daprRuntimeVersion", SidecarRuntime.RuntimeVersion);
            json.WriteEndObject();
            WriteSubscriptions(json, runtime);
            if (runtime.Resources.HttpEndpoints.Count > 0)
            {
                json.WriteStartArray("httpEndpoints");
                foreach (var endpoint in runtime.Resources.HttpEndpoints)
                {
                    json.WriteStartObject();
                    json.WriteString("name", endpoint.Name);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            WriteAppConnection(json, runtime.Options);
            WriteActorRuntime(json, runtime);
            json.WriteEndObject();
        }
        return ApiResponse.Json(context, buffer.ToArray());
    }

    /// <summary>
    /// daprd's actorRuntime: DISABLED without an actor state store, INITIALIZING until the app's types are known, then
    /// RUNNING. Placement here is the local registry, which needs no connection, so it always reads connected.
    /// </summary>
    private static void WriteActorRuntime(Utf8JsonWriter json, SidecarRuntime runtime)
    {
        var actors = runtime.Actors;
        json.WriteStartObject("actorRuntime");
        json.WriteString("runtimeStatus", !actors.IsEnabled ? "DISABLED" : actors.IsHostReady ? "RUNNING" : "INITIALIZING");
        WriteActiveActors(json, "activeActors", runtime);
        if (actors.IsHostReady) json.WriteBoolean("hostReady", true);
        if (actors.IsEnabled) json.WriteString("placement", "placement: connected");
        json.WriteEndObject();
    }

    /// <summary>One entry per hosted type, counting its active actors; also the legacy top-level "actors".</summary>
    private static void WriteActiveActors(Utf8JsonWriter json, string property, SidecarRuntime runtime)
    {
        var actors = runtime.Actors;
        if (!actors.IsEnabled || !actors.HostedTypes.Any()) return;
        json.WriteStartArray(property);
        foreach (var actorType in actors.HostedTypes)
        {
            json.WriteStartObject();
            json.WriteString("type", actorType);
            json.WriteNumber("count", actors.ActiveCount(actorType));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteComponents(Utf8JsonWriter json, SidecarRuntime runtime)
    {
        var components = runtime.Components;
        if (components.Loaded.Count == 0) return;
        json.WriteStartArray("components");
        foreach (var resource in components.Loaded)
        {
            json.WriteStartObject();
            json.WriteString("name", resource.Name);
            json.WriteString("type", resource.Type);
            json.WriteString("version", resource.Version);
            IEnumerable<string> capabilities = resource.Category switch
            {
                "state" when components.StateStores.TryGetValue(resource.Name, out var state) => StateCapabilities(state.Store.Features),
                "pubsub" when components.PubSubs.TryGetValue(resource.Name, out var pubsub) => pubsub.PubSub.Features,
                _ => [],
            };
            var list = capabilities.ToList();
            if (list.Count > 0)
            {
                json.WriteStartArray("capabilities");
                foreach (var capability in list) json.WriteStringValue(capability);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>daprd reports ACTOR for every store that supports ETags and transactions (what actors need).</summary>
    private static IEnumerable<string> StateCapabilities(IReadOnlyList<string> features) =>
        features.Contains("ETAG") && features.Contains("TRANSACTIONAL") ? features.Append("ACTOR") : features;

    private static void WriteSubscriptions(Utf8JsonWriter json, SidecarRuntime runtime)
    {
        if (runtime.Subscriptions.Count == 0) return;
        json.WriteStartArray("subscriptions");
        foreach (var subscription in runtime.Subscriptions)
        {
            var resource = subscription.Resource;
            json.WriteStartObject();
            json.WriteString("pubsubname", resource.PubsubName);
            json.WriteString("topic", resource.Topic);
            json.WriteStartObject("metadata");
            foreach (var (key, value) in resource.Metadata) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteStartArray("rules");
            foreach (var rule in resource.Rules)
            {
                json.WriteStartObject();
                json.WriteString("match", rule.Match);
                json.WriteString("path", rule.Path);
                json.WriteEndObject();
            }
            if (!string.IsNullOrEmpty(resource.DefaultRoute))
            {
                json.WriteStartObject();
                json.WriteString("path", resource.DefaultRoute);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("deadLetterTopic", resource.DeadLetterTopic ?? "");
            json.WriteString("type", resource.Kind == Resources.SubscriptionKind.Declarative ? "DECLARATIVE" : "PROGRAMMATIC");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteAppConnection(Utf8JsonWriter json, SidecarOptions options)
    {
        json.WriteStartObject("appConnectionProperties");
        if (options.AppPort is > 0) json.WriteNumber("port", options.AppPort.Value);
        json.WriteString("protocol", options.AppProtocol);
        json.WriteString("channelAddress", options.AppChannelAddress);
        if (options.EnableAppHealthCheck)
        {
            json.WriteStartObject("health");
            json.WriteString("healthCheckPath", options.AppHealthCheckPath);
            json.WriteString("healthProbeInterval", Time.GoDuration.Format(options.AppHealthProbeInterval));
            json.WriteString("healthProbeTimeout", Time.GoDuration.Format(options.AppHealthProbeTimeout));
            json.WriteNumber("healthThreshold", options.AppHealthThreshold);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
