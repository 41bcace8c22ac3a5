using System.Net;
using System.Text.Json;
using DaprShop.Sidecar.Resources;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Messaging;

/// <summary>Reads the app's <c>GET /dapr/subscribe</c> answer (reference §3.4).</summary>
public static class ProgrammaticSubscriptions
{
    public static async Task<IReadOnlyList<SubscriptionResource>> FetchAsync(
        AppChannel app, string appId, ILogger logger, CancellationToken cancellationToken)
    {
        // daprd sends Content-Type: application/json even on this GET.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dapr/subscribe") { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("dapr-app-id", appId);
        using var response = await app.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("GET /dapr/subscribe answered {Status}; treating it as no subscriptions", (int)response.StatusCode);
            return [];
        }
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return Parse(body, logger);
        }
        catch (JsonException error)
        {
            logger.LogError("GET /dapr/subscribe returned invalid JSON: {Error}", error.Message);
            return [];
        }
    }

    public static IReadOnlyList<SubscriptionResource> Parse(ReadOnlySpan<byte> json, ILogger logger)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        if (document.RootElement.ValueKind != JsonValueKind.Array) return [];
        var subscriptions = new List<SubscriptionResource>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var pubsub = String(item, "pubsubname");
            var topic = String(item, "topic");
            var rules = new List<RouteRule>();
            string? defaultRoute = null;
            if (item.TryGetProperty("routes", out var routes) && routes.ValueKind == JsonValueKind.Object)
            {
                defaultRoute = String(routes, "default");
                if (routes.TryGetProperty("rules", out var ruleArray) && ruleArray.ValueKind == JsonValueKind.Array)
                    rules.AddRange(ruleArray.EnumerateArray().Select(r => new RouteRule(String(r, "match") ?? "", String(r, "path") ?? "")));
            }
            // "route" (v1) is used only when routes.default is empty.
            if (string.IsNullOrEmpty(defaultRoute)) defaultRoute = String(item, "route");
            if (string.IsNullOrEmpty(pubsub) || string.IsNullOrEmpty(topic) || (string.IsNullOrEmpty(defaultRoute) && rules.Count == 0))
            {
                logger.LogWarning("Ignoring a subscription without pubsubname, topic or route: {Item}", item.GetRawText());
                continue;
            }
            var metadata = item.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                ? meta.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
                : new Dictionary<string, string>();
            if (item.TryGetProperty("bulkSubscribe", out var bulk) && bulk.ValueKind == JsonValueKind.Object
                && bulk.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True)
                logger.LogWarning("bulkSubscribe on {Topic} is not supported by this sidecar; messages are delivered one at a time", topic);
            subscriptions.Add(new SubscriptionResource(
                $"{pubsub}/{topic}", pubsub, topic, rules, defaultRoute, String(item, "deadLetterTopic"), metadata, [], SubscriptionKind.Programmatic));
        }
        return subscriptions;
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
