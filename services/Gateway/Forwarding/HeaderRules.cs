using Microsoft.Extensions.Primitives;

namespace DaprShop.Gateway.Forwarding;

/// <summary>Which headers cross the gateway, in each direction.</summary>
public static class HeaderRules
{
    /// <summary>RFC 9110 §7.6.1 hop-by-hop headers, plus Host (the sidecar is addressed, not the caller's host) and Expect (already answered by the gateway).</summary>
    private static readonly HashSet<string> ConnectionSpecific = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Expect",
    };

    /// <summary>Dapr's own headers (dapr-api-token, dapr-app-id, dapr-caller-app-id, ...): only sidecars set them.</summary>
    private const string DaprHeaderPrefix = "dapr-";

    /// <summary>
    /// The W3C trace context of the caller: dropped because the gateway's request activity already continues it, and
    /// the Dapr client sends that activity's own traceparent, so the trace shows the gateway hop.
    /// </summary>
    private static readonly HashSet<string> TraceContext = new(StringComparer.OrdinalIgnoreCase) { "traceparent", "tracestate" };

    /// <param name="connectionHeader">The message's Connection header: the headers it names are hop-by-hop too.</param>
    public static bool ForwardsRequestHeader(string name, StringValues connectionHeader) =>
        !IsHopByHop(name, connectionHeader)
        && !name.StartsWith(DaprHeaderPrefix, StringComparison.OrdinalIgnoreCase)
        && !TraceContext.Contains(name);

    public static bool ReturnsResponseHeader(string name, StringValues connectionHeader) =>
        !IsHopByHop(name, connectionHeader)
        && !name.StartsWith(DaprHeaderPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The first header whose value is not ASCII (RFC 9110 §5.5: other octets are opaque, and HTTP clients, the
    /// gateway's own included, refuse to send them), or null when every value is ASCII.
    /// </summary>
    public static string? FirstNonAsciiHeader(IEnumerable<KeyValuePair<string, StringValues>> headers) =>
        headers.FirstOrDefault(header => header.Value.Any(value => value is not null && !System.Text.Ascii.IsValid(value))).Key;

    private static bool IsHopByHop(string name, StringValues connectionHeader) =>
        ConnectionSpecific.Contains(name) || NamedIn(connectionHeader, name);

    private static bool NamedIn(StringValues connectionHeader, string name) =>
        connectionHeader.Any(value => value is not null
            && value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.OrdinalIgnoreCase));
}
