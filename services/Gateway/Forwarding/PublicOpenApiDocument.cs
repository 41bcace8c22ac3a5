using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaprShop.Gateway.Routing;

namespace DaprShop.Gateway.Forwarding;

/// <summary>
/// An app's OpenAPI document names the server that answered it: the app's own loopback port behind its sidecar, which
/// public callers cannot use. Passed on through the gateway, the document names the app's public prefix instead, so
/// "Try it out" in the gateway's Swagger UI goes through the gateway like any client.
/// </summary>
internal static class PublicOpenApiDocument
{
    /// <summary>A GET of <c>/openapi/{document}.json</c> on the app, where ServiceDefaults serves its documents.</summary>
    public static bool IsRequested(HttpRequest request, RouteDecision.Forward target) =>
        HttpMethods.IsGet(request.Method)
        && target.MethodPath.StartsWithSegments("/openapi", out var document)
        && document.Value is ['/', .. var name]
        && !name.Contains('/')
        && name.EndsWith(".json", StringComparison.Ordinal);

    /// <summary>Replaces the document's <c>servers</c> with <paramref name="publicPrefix"/>; anything but a JSON object stays as it is.</summary>
    public static async Task PointServersAtAsync(HttpResponseMessage response, string publicPrefix, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) return;

        // Buffered, so a body that is not a document can still be passed on unchanged.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }
        catch (JsonException)
        {
            return;
        }

        if (document is not JsonObject root) return;

        root["servers"] = new JsonArray(new JsonObject { ["url"] = publicPrefix });
        var original = response.Content;
        response.Content = new StringContent(root.ToJsonString(), Encoding.UTF8, "application/json");
        original.Dispose();
    }
}
