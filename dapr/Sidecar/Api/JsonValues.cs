using System.Text;
using System.Text.Json;

namespace DaprShop.Sidecar.Api;

public static class JsonValues
{
    /// <summary>Readable escaping, close to Go's encoder: apostrophes and non-ASCII text stay as they are.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text of a value without insignificant whitespace, as daprd re-encodes it.</summary>
    public static byte[] Compact(JsonElement value)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions)) value.WriteTo(json);
        return buffer.ToArray();
    }

    /// <summary>Writes stored bytes as a JSON value when they are JSON, else as a JSON string.</summary>
    public static void WriteData(Utf8JsonWriter json, string property, byte[] data)
    {
        json.WritePropertyName(property);
        if (IsJson(data)) json.WriteRawValue(data, skipInputValidation: true);
        else json.WriteStringValue(Encoding.UTF8.GetString(data));
    }

    public static bool IsJson(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return false;
        try
        {
            var reader = new Utf8JsonReader(data);
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
