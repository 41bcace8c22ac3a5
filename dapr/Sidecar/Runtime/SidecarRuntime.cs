using System.Collections.Concurrent;
using DaprShop.Sidecar.Actors;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Messaging;
using DaprShop.Sidecar.NameResolution;
using DaprShop.Sidecar.Resources;

namespace DaprShop.Sidecar.Runtime;

/// <summary>The state of one sidecar shared by its API handlers and its start-up sequence.</summary>
public sealed class SidecarRuntime(
    SidecarOptions options,
    ResourceSet resources,
    ComponentRegistry components,
    LocalRegistry nameResolution,
    HttpMessageInvoker outbound)
{
    /// <summary>Reported as runtimeVersion; the suffix says this is not daprd.</summary>
    public const string RuntimeVersion = "1.16.0-daprshop";

    public SidecarOptions Options { get; } = options;
    public ResourceSet Resources { get; } = resources;
    public ComponentRegistry Components { get; } = components;
    public LocalRegistry NameResolution { get; } = nameResolution;

    /// <summary>Pooled client for every hop: to other sidecars, to the app, to HTTPEndpoints.</summary>
    public HttpMessageInvoker Outbound { get; } = outbound;

    public AppChannel? App { get; } = options.AppPort is > 0 ? new AppChannel(options, outbound) : null;

    /// <summary>Values set with PUT /v1.0/metadata/{key}; kept in memory like daprd.</summary>
    public ConcurrentDictionary<string, string> ExtendedMetadata { get; } = new();

    public List<TopicSubscription> Subscriptions { get; } = [];

    /// <summary>The port sidecar-to-sidecar calls arrive on; known once the server listens.</summary>
    public int InternalPort { get; set; }

    /// <summary>Completed by POST /v1.0/shutdown.</summary>
    public TaskCompletionSource ShutdownRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The app's GET /dapr/config answer (raw JSON), read once at start-up; null when the app has none.</summary>
    public string? AppConfig { get; set; }

    /// <summary>The actor host of this sidecar; created on first use (placement and the API reach it before start-up ends).</summary>
    public ActorRuntime Actors => LazyInitializer.EnsureInitialized(ref _actors, () => new ActorRuntime(this));

    private ActorRuntime? _actors;

    /// <summary>/v1.0/healthz turns 204: app reachable, subscriptions and input bindings started.</summary>
    public volatile bool IsReady;

    /// <summary>With app health checks on, the last probe result; always true otherwise.</summary>
    public volatile bool IsAppHealthy = true;

    public IEnumerable<ResiliencyResource> Resiliencies => Resources.Resiliencies.Where(r => r.IsScopedTo(Options.AppId));

    public (RetryPolicy? Retry, TimeSpan? Timeout) ComponentInboundPolicy(string componentName)
    {
        foreach (var resiliency in Resiliencies)
        {
            if (resiliency.ComponentsInbound.TryGetValue(componentName, out var target))
                return (resiliency.RetryFor(target), resiliency.TimeoutFor(target));
        }
        return (null, null);
    }

    /// <summary>The resiliency policy for invoking an app; looked up once per app id since resources do not change.</summary>
    public (RetryPolicy? Retry, TimeSpan? Timeout) AppPolicy(string appId) => _appPolicies.GetOrAdd(appId, id =>
    {
        foreach (var resiliency in Resiliencies)
        {
            if (resiliency.Apps.TryGetValue(id, out var target))
                return (resiliency.RetryFor(target), resiliency.TimeoutFor(target));
        }
        return (null, null);
    });

    private readonly ConcurrentDictionary<string, (RetryPolicy?, TimeSpan?)> _appPolicies = new();

    /// <summary>HTTPEndpoint resources by name: invocation targets outside Dapr.</summary>
    public IReadOnlyDictionary<string, Uri> HttpEndpoints { get; } = resources.HttpEndpoints
        .ToDictionary(endpoint => endpoint.Name, endpoint => new Uri(endpoint.BaseUrl.ToString().TrimEnd('/') + "/"));
}
