using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Resources;

/// <summary>
/// A Dapr resiliency retry policy. Constant: fixed <c>duration</c> (default 5s). Exponential: starts at 500 ms and
/// grows ×1.5 up to <c>maxInterval</c> (default 60s), as daprd's backoff does. <c>maxRetries</c> -1 retries forever.
/// </summary>
public sealed record RetryPolicy(bool Exponential, TimeSpan Duration, TimeSpan MaxInterval, int MaxRetries)
{
    private static readonly TimeSpan ExponentialInitialInterval = TimeSpan.FromMilliseconds(500);
    private const double ExponentialMultiplier = 1.5;

    public static RetryPolicy Parse(string name, IReadOnlyDictionary<string, object?> map)
    {
        var policy = map.String("policy") ?? "constant";
        if (policy is not ("constant" or "exponential"))
            throw new FormatException($"retry policy '{name}': unknown policy '{policy}' (constant or exponential)");
        return new RetryPolicy(
            policy == "exponential",
            ParseDuration(name, map.String("duration"), TimeSpan.FromSeconds(5)),
            ParseDuration(name, map.String("maxInterval"), TimeSpan.FromSeconds(60)),
            map.String("maxRetries") is { } retries ? int.Parse(retries) : -1);
    }

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), or null when retries are exhausted.</summary>
    public TimeSpan? DelayBeforeRetry(int retry)
    {
        if (MaxRetries >= 0 && retry > MaxRetries) return null;
        if (!Exponential) return Duration;
        var delay = ExponentialInitialInterval.TotalMilliseconds * Math.Pow(ExponentialMultiplier, retry - 1);
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxInterval.TotalMilliseconds));
    }

    private static TimeSpan ParseDuration(string name, string? text, TimeSpan fallback) =>
        text is null ? fallback
        : GoDuration.TryParse(text, out var value) ? value
        : throw new FormatException($"retry policy '{name}': invalid duration '{text}'");
}
