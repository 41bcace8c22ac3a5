using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Resources;

/// <summary>A <c>kind: Resiliency</c> (dapr.io/v1alpha1): named policies and the targets that use them.</summary>
public sealed record ResiliencyResource(
    string Name,
    IReadOnlyDictionary<string, TimeSpan> Timeouts,
    IReadOnlyDictionary<string, RetryPolicy> Retries,
    IReadOnlyDictionary<string, ResiliencyTarget> Apps,
    IReadOnlyDictionary<string, ResiliencyTarget> ComponentsOutbound,
    IReadOnlyDictionary<string, ResiliencyTarget> ComponentsInbound,
    IReadOnlyList<string> Scopes)
{
    public static ResiliencyResource Parse(IReadOnlyDictionary<string, object?> document)
    {
        var name = document.Map("metadata").String("name") ?? "";
        var spec = document.Map("spec");
        var policies = spec.Map("policies");
        var timeouts = policies.Map("timeouts")
            .Where(pair => pair.Value is string)
            .ToDictionary(pair => pair.Key, pair => ParseDuration(name, pair.Key, (string)pair.Value!));
        var retries = policies.Map("retries")
            .ToDictionary(pair => pair.Key, pair => RetryPolicy.Parse(pair.Key, YamlDocuments.AsMap(pair.Value) ?? new Dictionary<string, object?>()));
        var targets = spec.Map("targets");
        var components = targets.Map("components");
        return new ResiliencyResource(
            name,
            timeouts,
            retries,
            ParseTargets(targets.Map("apps")),
            ParseTargets(components.ToDictionary(pair => pair.Key, pair => YamlDocuments.AsMap(pair.Value)?.GetValueOrDefault("outbound"))),
            ParseTargets(components.ToDictionary(pair => pair.Key, pair => YamlDocuments.AsMap(pair.Value)?.GetValueOrDefault("inbound"))),
            document.Strings("scopes"));
    }

    public bool IsScopedTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId);

    public TimeSpan? TimeoutFor(ResiliencyTarget? target) =>
        target?.Timeout is { } timeoutName
            ? Timeouts.TryGetValue(timeoutName, out var timeout) ? timeout : GoDuration.TryParse(timeoutName, out var inline) ? inline : null
            : null;

    public RetryPolicy? RetryFor(ResiliencyTarget? target) =>
        target?.Retry is { } retryName && Retries.TryGetValue(retryName, out var retry) ? retry : null;

    private static IReadOnlyDictionary<string, ResiliencyTarget> ParseTargets(IReadOnlyDictionary<string, object?> targets) =>
        targets
            .Select(pair => (pair.Key, Map: YamlDocuments.AsMap(pair.Value)))
            .Where(entry => entry.Map is not null)
            .ToDictionary(
                entry => entry.Key,
                entry => new ResiliencyTarget(entry.Map!.String("timeout"), entry.Map!.String("retry"), entry.Map!.String("circuitBreaker")));

    private static TimeSpan ParseDuration(string resource, string policy, string text) =>
        GoDuration.TryParse(text, out var value)
            ? value
            : throw new FormatException($"resiliency {resource}: timeout policy '{policy}' has an invalid duration '{text}'");
}

public sealed record ResiliencyTarget(string? Timeout, string? Retry, string? CircuitBreaker);
