using System.Globalization;
using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Components.Redis;

/// <summary>
/// How to reach one Redis server, from the metadata of a Redis component, with the names and defaults of
/// components-contrib <c>common/component/redis/settings.go</c> and the timeout defaults of go-redis, which that
/// code leaves at zero: dial 5 s, read 3 s, write = read.
/// </summary>
/// <param name="ReadTimeout">Null: no timeout (metadata <c>-1</c>).</param>
public sealed record RedisSettings(
    string Host, int Port, string? Username, string? Password, int Database, TimeSpan DialTimeout, TimeSpan? ReadTimeout, TimeSpan? WriteTimeout)
{
    private const int DefaultPort = 6379;
    private static readonly TimeSpan DefaultDialTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromSeconds(3);

    public string Address => $"{Host}:{Port}";

    /// <summary>Reads the settings; TLS, cluster and Sentinel are refused instead of silently connecting in plain text to one node.</summary>
    public static RedisSettings FromMetadata(ComponentContext context)
    {
        var (host, port) = ParseAddress(context, context.Require("redisHost"));
        foreach (var flag in new[] { "enableTLS", "failover", "useEntraID" })
        {
            if (context.GetTruthy(flag))
                throw new ComponentInitException($"component {context.Name}: {flag} is not supported by this sidecar's pubsub.redis; use real daprd for it");
        }
        if (context.Get("redisType") is { Length: > 0 } type && !type.Equals("node", StringComparison.OrdinalIgnoreCase))
            throw new ComponentInitException($"component {context.Name}: redisType '{type}' is not supported by this sidecar (only \"node\")");

        var database = context.Get("redisDB") is { Length: > 0 } db
            ? int.TryParse(db, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
                : throw new ComponentInitException($"component {context.Name}: redisDB '{db}' is not a database number")
            : 0;
        var readTimeout = Timeout(context, "readTimeout", DefaultReadTimeout);
        return new RedisSettings(
            host, port, NullIfEmpty(context.Get("redisUsername")), NullIfEmpty(context.Get("redisPassword")), database,
            Timeout(context, "dialTimeout", DefaultDialTimeout) ?? DefaultDialTimeout, readTimeout, Timeout(context, "writeTimeout", readTimeout));
    }

    /// <summary>
    /// A duration as settings.go's <c>Duration.DecodeString</c> reads it: an integer is milliseconds (for legacy
    /// reasons), anything else a Go duration. Null when the field is absent.
    /// </summary>
    public static TimeSpan? Duration(ComponentContext context, string key)
    {
        var text = context.Get(key);
        if (string.IsNullOrEmpty(text)) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)) return TimeSpan.FromMilliseconds(milliseconds);
        if (GoDuration.TryParse(text, out var duration)) return duration;
        throw new ComponentInitException($"component {context.Name}: metadata field '{key}' has an invalid duration \"{text}\"");
    }

    /// <summary>A timeout: absent or 0 takes the default, negative turns it off (go-redis).</summary>
    private static TimeSpan? Timeout(ComponentContext context, string key, TimeSpan? defaultValue) => Duration(context, key) switch
    {
        null => defaultValue,
        var value when value == TimeSpan.Zero => defaultValue,
        var value when value < TimeSpan.Zero => null,
        var value => value,
    };

    /// <summary>resolveHost in settings.go: <c>host:port</c>, or a host alone on the default port.</summary>
    private static (string Host, int Port) ParseAddress(ComponentContext context, string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon < 0 || address.EndsWith(']')) return (address.Trim('[', ']'), DefaultPort);
        if (!int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
            throw new ComponentInitException($"component {context.Name}: redisHost '{address}' must be host:port");
        return (address[..colon].Trim('[', ']'), port);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
