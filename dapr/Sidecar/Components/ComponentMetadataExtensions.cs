using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Components;

/// <summary>
/// Typed reads of component metadata with the conversions Dapr's metadata decoder applies
/// (dapr/kit metadata: toTruthyBoolHookFunc, toTimeDurationHookFunc, mapstructurealiases).
/// </summary>
internal static class ComponentMetadataExtensions
{
    /// <summary>The first of <paramref name="key"/> and its aliases that has a non-empty value.</summary>
    public static string? GetWithAliases(this ComponentContext context, string key, params string[] aliases) =>
        new[] { key }.Concat(aliases).Select(context.Get).FirstOrDefault(value => !string.IsNullOrEmpty(value));

    /// <summary>kit/strings.IsTruthy: "y", "yes", "true", "t", "on", "1" (any case) are true, everything else false.</summary>
    public static bool GetTruthy(this ComponentContext context, string key) =>
        context.Get(key)?.Trim().ToLowerInvariant() is "y" or "yes" or "true" or "t" or "on" or "1";

    /// <summary>A Go duration ("500ms", "1h30m"), or else an integer number of seconds, as Dapr decodes durations.</summary>
    public static TimeSpan GetDuration(this ComponentContext context, TimeSpan defaultValue, string key, params string[] aliases)
    {
        var text = context.GetWithAliases(key, aliases);
        if (text is null) return defaultValue;
        if (GoDuration.TryParse(text, out var duration)) return duration;
        if (long.TryParse(text, out var seconds)) return TimeSpan.FromSeconds(seconds);
        throw new ComponentInitException($"component {context.Name}: metadata field '{key}' has an invalid duration \"{text}\"");
    }
}
