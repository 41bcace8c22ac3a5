using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Sidecar.Api;

/// <summary>Request conventions shared by every API (reference §0.2).</summary>
public static class ApiRequest
{
    private const string MetadataPrefix = "metadata.";

    /// <summary><c>metadata.&lt;key&gt;</c> query parameters, prefix stripped, first value only, case-sensitive prefix.</summary>
    public static Dictionary<string, string> QueryMetadata(HttpRequest request)
    {
        var metadata = new Dictionary<string, string>();
        foreach (var (key, values) in request.Query)
        {
            if (key.StartsWith(MetadataPrefix, StringComparison.Ordinal) && key.Length > MetadataPrefix.Length)
                metadata[key[MetadataPrefix.Length..]] = values.Count > 0 ? values[0] ?? "" : "";
        }
        return metadata;
    }

    /// <summary>Query metadata merged over body metadata: the query wins, as in daprd.</summary>
    public static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? body, IReadOnlyDictionary<string, string> query)
    {
        var merged = body is null ? new Dictionary<string, string>() : new Dictionary<string, string>(body);
        foreach (var (key, value) in query) merged[key] = value;
        return merged;
    }

    /// <summary>
    /// A path parameter as daprd sees it: fully unescaped. Kestrel has decoded everything in the path but <c>%2F</c>,
    /// which it leaves encoded so that routing is not confused; daprd's router unescapes that too.
    /// </summary>
    public static string PathParameter(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await ReadAllAsync(context);
        }
        catch (BadHttpRequestException error)
        {
            throw DaprErrors.BodyRead(error.Message);
        }
    }

    /// <summary>daprd decodes JSON bodies straight from the size-limited stream, so a read failure is malformed JSON too.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return JsonDocument.Parse(await ReadAllAsync(context));
        }
        catch (Exception error) when (error is BadHttpRequestException or JsonException)
        {
            throw DaprErrors.MalformedRequest(error.Message);
        }
    }

    private static async Task<byte[]> ReadAllAsync(HttpContext context)
    {
        using var buffer = new MemoryStream(context.Request.ContentLength is { } length and < int.MaxValue ? (int)length : 4096);
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    public static Dictionary<string, string>? StringMap(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Object) return null;
        var map = new Dictionary<string, string>();
        foreach (var entry in value.EnumerateObject())
        {
            map[entry.Name] = entry.Value.ValueKind switch
            {
                JsonValueKind.String => entry.Value.GetString()!,
                JsonValueKind.Null => "",
                _ => throw DaprErrors.MalformedRequest($"metadata value of '{entry.Name}' must be a string"),
            };
        }
        return map;
    }

    public static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => throw DaprErrors.MalformedRequest($"'{property}' must be a string"),
            }
            : null;
}
