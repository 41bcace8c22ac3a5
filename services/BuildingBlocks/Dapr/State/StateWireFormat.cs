using System.Text.Json;

namespace DaprShop.Dapr;

/// <summary>
/// The JSON documents of the state API (reference §2). Written with a Utf8JsonWriter so the envelope field names stay
/// exactly Dapr's whatever naming policy the caller configured for its own values.
/// </summary>
internal static class StateWireFormat
{
    public static string ToWire(this ConsistencyMode mode) => mode == ConsistencyMode.Strong ? "strong" : "eventual";

    public static string ToWire(this ConcurrencyMode mode) => mode == ConcurrencyMode.FirstWrite ? "first-write" : "last-write";

    /// <summary>GET and DELETE take the options as plain query parameters.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Query(ConsistencyMode? consistency, ConcurrencyMode? concurrency = null)
    {
        if (consistency is { } consistencyMode) yield return KeyValuePair.Create("consistency", consistencyMode.ToWire());
        if (concurrency is { } concurrencyMode) yield return KeyValuePair.Create("concurrency", concurrencyMode.ToWire());
    }

    /// <summary>Writes one state item: <c>{key, value?, etag?, metadata?, options?}</c>; deletes carry no value.</summary>
    public static void WriteItem(
        Utf8JsonWriter writer,
        string key,
        Action<Utf8JsonWriter>? writeValue,
        string? etag,
        StateOptions? options,
        IReadOnlyDictionary<string, string>? metadata)
    {
        writer.WriteStartObject();
        writer.WriteString("key", key);
        if (writeValue is not null)
        {
            writer.WritePropertyName("value");
            writeValue(writer);
        }

        if (etag is not null) writer.WriteString("etag", etag);
        WireJson.WriteMetadata(writer, metadata);
        if (options is { Concurrency: not null } or { Consistency: not null })
        {
            writer.WriteStartObject("options");
            if (options.Concurrency is { } concurrency) writer.WriteString("concurrency", concurrency.ToWire());
            if (options.Consistency is { } consistency) writer.WriteString("consistency", consistency.ToWire());
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Bulk get answers <c>[{key, data?, etag?, metadata?, error?}]</c>; note <c>data</c>, not <c>value</c>.</summary>
    public static IReadOnlyList<(string Key, JsonElement? Data, string ETag, string? Error)> ReadBulkGetResponse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.EnumerateArray()
            .Select(item => (
                Key: item.GetProperty("key").GetString() ?? "",
                Data: item.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null ? data.Clone() : (JsonElement?)null,
                ETag: item.TryGetProperty("etag", out var etag) ? etag.GetString() ?? "" : "",
                Error: item.TryGetProperty("error", out var error) && error.GetString() is { Length: > 0 } message ? message : null))
            .ToArray();
    }
}
