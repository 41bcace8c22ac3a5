using System.Text;
using System.Text.Json;

namespace DaprShop.Sidecar.Tests.Conformance.Infrastructure;

/// <summary>One request as the test app received it from a sidecar.</summary>
/// <param name="Sequence">Arrival order across all requests of one app (1, 2, 3, ...).</param>
/// <param name="QueryString">The raw query string including the leading '?', or "" when there is none.</param>
/// <param name="Headers">Request and content headers, case-insensitive.</param>
internal sealed record RecordedRequest(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string[]> Headers,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? ContentType => Header("Content-Type");

    /// <summary>All values of a header joined with ',' (null when absent).</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    public bool HasHeader(string name) => Headers.ContainsKey(name);

    public bool BodyContains(string marker) => BodyText.Contains(marker, StringComparison.Ordinal);

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"#{Sequence} {Method} {Path}{QueryString} ({Body.Length} bytes)";
}

/// <summary>How the test app answers a request.</summary>
internal sealed record AppReply(
    int Status = 200,
    string? Body = null,
    string? ContentType = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan Delay = default)
{
    public static AppReply Empty(int status = 200) => new(status);

    public static AppReply Json(string json, int status = 200) => new(status, json, "application/json");

    public static AppReply Text(string text, int status = 200) => new(status, text, "text/plain");
}
