using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Dapr;

/// <summary>
/// Collects the <see cref="TopicSubscription"/>s of an app's endpoints into the programmatic subscription list
/// daprd reads from <c>GET /dapr/subscribe</c> (reference §3.4), rejecting declarations daprd could not honour.
/// </summary>
internal static class TopicSubscriptionCatalog
{
    /// <exception cref="InvalidOperationException">Two endpoints subscribe to the same pubsub and topic, or a topic
    /// endpoint has a route daprd cannot post to (route parameters, no POST).</exception>
    public static IReadOnlyList<SubscriptionDocument> Build(IEnumerable<Endpoint> endpoints)
    {
        var documents = new List<SubscriptionDocument>();
        var routesByTopic = new Dictionary<(string PubsubName, string Topic), string>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            foreach (var subscription in endpoint.Metadata.GetOrderedMetadata<TopicSubscription>())
            {
                var route = RouteOf(endpoint, subscription);
                if (routesByTopic.TryGetValue((subscription.PubsubName, subscription.Topic), out var existingRoute))
                {
                    throw new InvalidOperationException(
                        $"Topic '{subscription.Topic}' of pubsub '{subscription.PubsubName}' is subscribed twice, by '{existingRoute}' and by '{route}'. " +
                        "Dapr delivers a topic to one route per app; handle it in one endpoint.");
                }

                routesByTopic[(subscription.PubsubName, subscription.Topic)] = route;
                // A rule without a default route: daprd drops what the rule does not match (reference §3.4).
                documents.Add(new SubscriptionDocument(
                    subscription.PubsubName,
                    subscription.Topic,
                    subscription.Match is null ? route : null,
                    subscription.Match is { } match ? new SubscriptionRoutes([new SubscriptionRule(match, route)]) : null,
                    subscription.DeadLetterTopic,
                    subscription.Metadata.Count == 0 ? null : subscription.Metadata));
            }
        }

        return documents;
    }

    private static string RouteOf(RouteEndpoint endpoint, TopicSubscription subscription)
    {
        var pattern = endpoint.RoutePattern;
        var route = "/" + (pattern.RawText ?? "").TrimStart('/');
        if (pattern.Parameters.Count > 0)
        {
            throw new InvalidOperationException(
                $"The endpoint '{route}' subscribed to topic '{subscription.Topic}' has route parameters; daprd posts events to one fixed path.");
        }

        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        if (methods is { Count: > 0 } && !methods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The endpoint '{route}' subscribed to topic '{subscription.Topic}' does not accept POST, which is how daprd delivers events.");
        }

        return route;
    }
}

/// <summary>One entry of the <c>GET /dapr/subscribe</c> answer: a single <c>route</c>, or <c>routes</c> with rules.</summary>
internal sealed record SubscriptionDocument(
    [property: JsonPropertyName("pubsubname")] string PubsubName,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("route"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Route,
    [property: JsonPropertyName("routes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SubscriptionRoutes? Routes,
    [property: JsonPropertyName("deadLetterTopic"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeadLetterTopic,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Metadata);

internal sealed record SubscriptionRoutes([property: JsonPropertyName("rules")] IReadOnlyList<SubscriptionRule> Rules);

internal sealed record SubscriptionRule([property: JsonPropertyName("match")] string Match, [property: JsonPropertyName("path")] string Path);
