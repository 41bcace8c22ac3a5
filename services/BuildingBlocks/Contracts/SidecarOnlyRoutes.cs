namespace DaprShop.Contracts;

/// <summary>
/// Path prefixes every app reserves for calls from its own sidecar: pub/sub deliveries and Dapr's app callbacks.
/// The sidecar authenticates those with the app API token, but so it does service invocations, which the gateway
/// makes on behalf of the public; so the gateway refuses to forward to these paths, and topic handlers must live
/// under <see cref="Events"/> to stay out of public reach.
/// </summary>
public static class SidecarOnlyRoutes
{
    /// <summary>Where an app receives a topic: <c>/events/{topic}</c>.</summary>
    public const string Events = "/events";

    /// <summary>Dapr's callbacks into the app: <c>/dapr/subscribe</c>, <c>/dapr/config</c>.</summary>
    public const string Dapr = "/dapr";

    /// <summary>Every prefix the gateway refuses: these, and the service-to-service <see cref="InternalRoutes.Prefix"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [Events, Dapr, InternalRoutes.Prefix];

    /// <summary>The route of the endpoint that receives <paramref name="topic"/>.</summary>
    public static string ForTopic(string topic) => $"{Events}/{topic}";
}
