using DaprShop.Sidecar.Resources;

namespace DaprShop.Sidecar.Api;

/// <summary>
/// Pub/sub topic scoping from component metadata (Dapr's <c>allowedTopics</c> and
/// <c>publishingScopes: "app1=t1,t2;app2=t3"</c>): a denied publish is 403 ERR_PUBSUB_FORBIDDEN.
/// </summary>
public static class TopicScopes
{
    public static void EnsurePublishAllowed(ComponentResource pubsub, string appId, string topic)
    {
        var allowedTopics = Value(pubsub, "allowedTopics");
        if (allowedTopics is not null && !Split(allowedTopics, ',').Contains(topic)) throw Forbidden(topic, appId);

        var publishingScopes = Value(pubsub, "publishingScopes");
        if (publishingScopes is null) return;
        foreach (var scope in Split(publishingScopes, ';'))
        {
            var parts = scope.Split('=', 2);
            if (parts[0].Trim() != appId) continue;
            var topics = parts.Length > 1 ? Split(parts[1], ',') : [];
            if (!topics.Contains(topic)) throw Forbidden(topic, appId);
        }
    }

    private static string? Value(ComponentResource resource, string name) =>
        resource.Metadata.FirstOrDefault(m => m.Name == name)?.Value;

    private static string[] Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DaprApiError Forbidden(string topic, string appId) =>
        new(403, "ERR_PUBSUB_FORBIDDEN", $"topic {topic} is not allowed for app id {appId}");
}
