namespace DaprShop.Sidecar.Resources;

/// <summary>A metadata item of a Component: a plain value, a secret reference or an env reference.</summary>
public sealed record MetadataItem(string Name, string? Value, SecretKeyRef? SecretKeyRef, string? EnvRef);

public sealed record SecretKeyRef(string Name, string? Key);

/// <summary>A <c>kind: Component</c> resource (dapr.io/v1alpha1) as written in YAML.</summary>
public sealed record ComponentResource(
    string Name,
    string? Namespace,
    string Type,
    string Version,
    IReadOnlyList<MetadataItem> Metadata,
    string? AuthSecretStore,
    IReadOnlyList<string> Scopes,
    TimeSpan InitTimeout,
    bool IgnoreErrors,
    string SourceFile)
{
    /// <summary>"state", "pubsub", "secretstores", "bindings", ...</summary>
    public string Category => Type.Split('.', 2)[0];

    public bool IsScopedTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId);
}

public sealed record RouteRule(string Match, string Path);

/// <summary>A declarative <c>kind: Subscription</c> (v2alpha1, or v1alpha1 with <c>spec.route</c>) or a programmatic one.</summary>
public sealed record SubscriptionResource(
    string Name,
    string PubsubName,
    string Topic,
    IReadOnlyList<RouteRule> Rules,
    string? DefaultRoute,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes,
    SubscriptionKind Kind)
{
    public bool IsScopedTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId);
}

public enum SubscriptionKind { Declarative, Programmatic }
