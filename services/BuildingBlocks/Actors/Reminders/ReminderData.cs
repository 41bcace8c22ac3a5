using System.Text;
using System.Text.Json;

namespace DaprShop.Actors;

/// <summary>
/// The one encoding of reminder and timer <c>data</c>: this library registers bytes as a base64 JSON string (as
/// Dapr.Actors does), daprd stores and echoes <c>data</c> verbatim, so a JSON string that is valid base64 decodes
/// back to those bytes. Any other JSON (an object written by another client, a non-base64 string) is handed over
/// as the UTF-8 text of the raw JSON, so no callback data is ever dropped.
/// </summary>
internal static class ReminderData
{
    public static string? Encode(byte[]? state) => state is null ? null : Convert.ToBase64String(state);

    public static byte[] Decode(JsonElement data)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return [];
            case JsonValueKind.String:
                var text = data.GetString()!;
                var buffer = new byte[text.Length];
                return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : Encoding.UTF8.GetBytes(data.GetRawText());
            default:
                return Encoding.UTF8.GetBytes(data.GetRawText());
        }
    }
}
