using System.Text.Json;

namespace DaprShop.Gateway.Forwarding;

/// <summary>
/// Recognises a failed invocation answered by a sidecar itself (target app not running, timed out, denied) rather than
/// by the app: Dapr's <c>{"errorCode":"ERR_…","message":…}</c> JSON. DaprShop apps answer errors with problem+json, so
/// only error responses typed plain <c>application/json</c> are buffered to tell the two apart; everything else,
/// successes above all, stays a stream.
/// </summary>
internal static class DaprInvocationError
{
    /// <summary>Far above any Dapr error document; an app's JSON error body beyond this fails the request.</summary>
    private const long LargestBufferedErrorBody = 1024 * 1024;

    /// <returns>Dapr's error code and message, or null when the app answered; either way the response can still be passed on.</returns>
    public static async Task<(string ErrorCode, string Message)?> TryReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if ((int)response.StatusCode < 400 || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        // Buffered, so the body can be read here and still be copied to the caller afterwards.
        await response.Content.LoadIntoBufferAsync(LargestBufferedErrorBody, cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errorCode", out var errorCode)
                && errorCode.ValueKind == JsonValueKind.String
                && errorCode.GetString() is { } code
                && code.StartsWith("ERR_", StringComparison.Ordinal)
                    ? (code, root.TryGetProperty("message", out var message) ? message.ToString() : "")
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
