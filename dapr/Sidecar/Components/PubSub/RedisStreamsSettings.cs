using System.Globalization;
using DaprShop.Sidecar.Components.Redis;

namespace DaprShop.Sidecar.Components.PubSub;

/// <summary>
/// <c>pubsub.redis</c> metadata beyond the connection, with daprd's defaults: components-contrib
/// <c>common/component/redis/redis.go</c> (ParseClientFromProperties: processingTimeout 60 s, redeliverInterval 15 s,
/// queueDepth 100, concurrency 10; an integer duration is milliseconds) and <c>settings.go</c> (maxLenApprox).
/// The consumer group is not here: it is the subscription's <c>consumerID</c>, which the runtime defaults to the app id.
/// </summary>
/// <param name="MaxLenApprox">0: streams are not capped.</param>
public sealed record RedisStreamsSettings(
    RedisSettings Connection, TimeSpan ProcessingTimeout, TimeSpan RedeliverInterval, int QueueDepth, int Concurrency, long MaxLenApprox)
{
    /// <summary>A zero <c>processingTimeout</c> or <c>redeliverInterval</c> turns redelivery of pending messages off, as in daprd.</summary>
    public bool RedeliversPendingMessages => ProcessingTimeout > TimeSpan.Zero && RedeliverInterval > TimeSpan.Zero;

    public static RedisStreamsSettings FromMetadata(ComponentContext context)
    {
        if (!string.IsNullOrEmpty(context.Get("streamTTL")))
            throw new ComponentInitException($"component {context.Name}: streamTTL is not supported by this sidecar's pubsub.redis");
        return new RedisStreamsSettings(
            RedisSettings.FromMetadata(context),
            NonNegative(context, "processingTimeout", TimeSpan.FromSeconds(60)),
            NonNegative(context, "redeliverInterval", TimeSpan.FromSeconds(15)),
            Positive(context, "queueDepth", 100),
            Positive(context, "concurrency", 10),
            context.Get("maxLenApprox") is { Length: > 0 } maxLen
                ? long.TryParse(maxLen, NumberStyles.None, CultureInfo.InvariantCulture, out var cap) ? cap
                    : throw new ComponentInitException($"component {context.Name}: invalid maxLenApprox {maxLen}")
                : 0);
    }

    private static TimeSpan NonNegative(ComponentContext context, string key, TimeSpan defaultValue) => RedisSettings.Duration(context, key) switch
    {
        null => defaultValue,
        var value when value < TimeSpan.Zero => throw new ComponentInitException($"component {context.Name}: {key} must not be negative"),
        var value => value.Value,
    };

    private static int Positive(ComponentContext context, string key, int defaultValue)
    {
        var text = context.Get(key);
        if (string.IsNullOrEmpty(text)) return defaultValue;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ComponentInitException($"component {context.Name}: {key} must be a positive number, not '{text}'");
    }
}
