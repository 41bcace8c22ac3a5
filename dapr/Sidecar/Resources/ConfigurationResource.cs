namespace DaprShop.Sidecar.Resources;

/// <summary>The parts of a <c>kind: Configuration</c> (dapr.io/v1alpha1) this sidecar acts on.</summary>
public sealed record ConfigurationResource(
    string Name,
    IReadOnlySet<string> EnabledFeatures,
    IReadOnlyList<SecretScope> SecretScopes)
{
    public static readonly ConfigurationResource Default = new("default", new HashSet<string>(), []);

    public static ConfigurationResource Parse(IReadOnlyDictionary<string, object?> document)
    {
        var spec = document.Map("spec");
        var features = spec.List("features")
            .Select(YamlDocuments.AsMap)
            .Where(feature => feature is not null && feature.Bool("enabled"))
            .Select(feature => feature!.String("name") ?? "")
            .ToHashSet();
        var scopes = spec.Map("secrets").List("scopes")
            .Select(YamlDocuments.AsMap)
            .OfType<IReadOnlyDictionary<string, object?>>()
            .Select(scope => new SecretScope(
                scope.String("storeName") ?? "",
                !string.Equals(scope.String("defaultAccess"), "deny", StringComparison.OrdinalIgnoreCase),
                scope.Strings("allowedSecrets"),
                scope.Strings("deniedSecrets")))
            .ToList();
        return new ConfigurationResource(document.Map("metadata").String("name") ?? "", features, scopes);
    }

    /// <summary>Dapr's secret scoping: denied list wins, then the allowed list, then the default access.</summary>
    public bool IsSecretAllowed(string storeName, string secretName)
    {
        var scope = SecretScopes.FirstOrDefault(s => s.StoreName == storeName);
        if (scope is null) return true;
        if (scope.DeniedSecrets.Contains(secretName)) return false;
        if (scope.AllowedSecrets.Count > 0) return scope.AllowedSecrets.Contains(secretName);
        return scope.DefaultAllow;
    }
}

public sealed record SecretScope(
    string StoreName, bool DefaultAllow, IReadOnlyList<string> AllowedSecrets, IReadOnlyList<string> DeniedSecrets);
