using System.Text.Json;

namespace DaprShop.Dapr;

/// <summary>
/// Turns a failed sidecar response into a <see cref="DaprApiException"/>. Accepts Dapr's plain
/// <c>{"errorCode","message"}</c> body, the standardized one with <c>details</c>, and bodies that are not
/// JSON at all (daprd's 401 <c>invalid api token</c> is plain text).
/// </summary>
internal static class DaprErrorReader
{
    public static async Task<DaprApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (TryParse(body, out var errorCode, out var message, out var details))
        {
            return new DaprApiException(response.StatusCode, errorCode, message, details);
        }

        var text = body.Trim();
        return new DaprApiException(response.StatusCode, null, text.Length > 0 ? text : response.ReasonPhrase ?? "", []);
    }

    private static bool TryParse(string body, out string? errorCode, out string message, out IReadOnlyList<JsonElement> details)
    {
        errorCode = null;
        message = "";
        details = [];
        if (!body.TrimStart().StartsWith('{')) return false;

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("errorCode", out var code) || code.ValueKind != JsonValueKind.String) return false;

            errorCode = code.GetString();
            message = root.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? "" : "";
            if (root.TryGetProperty("details", out var detailArray) && detailArray.ValueKind == JsonValueKind.Array)
            {
                details = detailArray.EnumerateArray().Select(detail => detail.Clone()).ToArray();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
