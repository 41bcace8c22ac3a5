using System.Globalization;

namespace DaprShop.Sidecar.Components.State;

/// <summary>Request and response metadata keys shared by the state stores (components-contrib state/metadata.go, state/utils).</summary>
internal static class StateMetadata
{
    public const string TtlInSeconds = "ttlInSeconds";

    public const string TtlExpireTime = "ttlExpireTime";

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Get-response metadata: <c>ttlExpireTime</c> formatted like Go's <c>expire.UTC().Format(time.RFC3339)</c>.</summary>
    public static IReadOnlyDictionary<string, string> ForExpiration(DateTimeOffset? expiresAt) =>
        expiresAt is { } expiry
            ? new Dictionary<string, string>
            {
                [TtlExpireTime] = expiry.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            }
            : None;

    public static string? GetTtl(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(TtlInSeconds, out var value) && value.Length > 0 ? value : null;
}
