using DaprShop.Sidecar.Resources;

namespace DaprShop.Sidecar.Messaging;

/// <summary>A subscription ready for delivery: routing rules compiled, default route resolved.</summary>
public sealed record TopicSubscription(SubscriptionResource Resource, IReadOnlyList<(RouteExpression Match, RouteRule Rule)> Rules)
{
    public string PubsubName => Resource.PubsubName;
    public string Topic => Resource.Topic;

    public bool RawPayload =>
        Resource.Metadata.TryGetValue("rawPayload", out var raw) && bool.TryParse(raw, out var isRaw) && isRaw;

    /// <exception cref="FormatException">A routing rule uses CEL this sidecar does not evaluate.</exception>
    public static TopicSubscription Compile(SubscriptionResource resource) =>
        new(resource, resource.Rules.Select(rule => (RouteExpression.Parse(rule.Match), rule)).ToList());

    /// <summary>The first rule that matches wins; then the default route; null means the event matches nothing.</summary>
    public string? RouteFor(System.Text.Json.JsonElement cloudEvent)
    {
        foreach (var (match, rule) in Rules)
        {
            if (match.Matches(cloudEvent)) return rule.Path;
        }
        return string.IsNullOrEmpty(Resource.DefaultRoute) ? null : Resource.DefaultRoute;
    }
}
