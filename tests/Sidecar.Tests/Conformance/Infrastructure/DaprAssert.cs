using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaprShop.Sidecar.Tests.Conformance.Infrastructure;

/// <summary>Assertions for daprd's wire conventions (reference §0.3): status codes, empty 204s and the error body.</summary>
internal static class DaprAssert
{
    public static void Status(ApiResponse response, int expected) =>
        Assert.True(response.Status == expected, $"expected HTTP {expected}, got {response}");

    /// <summary>"Operations with no payload return 204 No Content with an empty body" (§0.3).</summary>
    public static void NoContent(ApiResponse response)
    {
        Status(response, 204);
        Assert.True(response.Body.Length == 0, $"204 must have an empty body, got: {response.Text}");
    }

    /// <summary>A JSON payload response (§0.3: <c>Content-Type: application/json</c>); returns the parsed body.</summary>
    public static JsonElement Json(ApiResponse response, int status = 200)
    {
        Status(response, status);
        AssertJsonContentType(response);
        return response.Json();
    }

    /// <summary>
    /// daprd's error body (§0.3): JSON with a string <c>errorCode</c> and a non-empty string <c>message</c>
    /// (<c>details</c> may or may not be present). Returns the parsed body.
    /// </summary>
    public static JsonElement Error(ApiResponse response, int status, string errorCode)
    {
        Status(response, status);
        AssertJsonContentType(response);
        var body = response.Json();
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.True(body.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String,
            $"error body has no string errorCode: {response.Text}");
        Assert.Equal(errorCode, code.GetString());
        Assert.True(body.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String,
            $"error body has no string message: {response.Text}");
        Assert.False(string.IsNullOrWhiteSpace(message.GetString()), "error message is empty");
        return body;
    }

    /// <summary>Semantic JSON equality (object member order is irrelevant, values and types must match).</summary>
    public static void JsonEquivalent(string expectedJson, JsonElement actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actualNode = JsonNode.Parse(actual.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, actualNode), $"JSON differs.\nexpected: {expected?.ToJsonString()}\nactual:   {actualNode?.ToJsonString()}");
    }

    public static string String(JsonElement element, string property)
    {
        Assert.True(element.TryGetProperty(property, out var value), $"missing property '{property}' in {element.GetRawText()}");
        Assert.True(value.ValueKind == JsonValueKind.String, $"property '{property}' must be a string in {element.GetRawText()}");
        return value.GetString()!;
    }

    public static void NoProperty(JsonElement element, string property) =>
        Assert.False(element.TryGetProperty(property, out _), $"unexpected property '{property}' in {element.GetRawText()}");

    private static void AssertJsonContentType(ApiResponse response) =>
        Assert.True(response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true,
            $"expected Content-Type application/json, got '{response.ContentType}' ({response})");
}
