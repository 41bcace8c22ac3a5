using System.Text.Json;

namespace DaprShop.Dapr;

/// <summary>Writes Dapr request documents field by field, so their field names never depend on the caller's naming policy.</summary>
internal static class WireJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes <c>"metadata": {...}</c>, or nothing when there is no metadata.</summary>
    public static void WriteMetadata(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is not { Count: > 0 }) return;
        writer.WriteStartObject("metadata");
        foreach (var (name, value) in metadata) writer.WriteString(name, value);
        writer.WriteEndObject();
    }
}
