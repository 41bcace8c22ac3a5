namespace DaprShop.Sidecar.Resources;

/// <summary>Everything daprd loads from its resources paths and --config file.</summary>
public sealed record ResourceSet(
    IReadOnlyList<ComponentResource> Components,
    IReadOnlyList<SubscriptionResource> Subscriptions,
    IReadOnlyList<ResiliencyResource> Resiliencies,
    IReadOnlyList<HttpEndpointResource> HttpEndpoints,
    ConfigurationResource Configuration);

public sealed record HttpEndpointResource(string Name, Uri BaseUrl, IReadOnlyDictionary<string, string> Headers);
