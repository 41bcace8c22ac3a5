using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Resources;

/// <summary>
/// Loads resources the way daprd's disk loader does: every top-level <c>*.yaml</c>/<c>*.yml</c> file of each
/// resources path, several documents per file, dispatched on <c>kind</c>; documents of other kinds are ignored.
/// </summary>
public static class ResourceLoader
{
    public static ResourceSet Load(IReadOnlyList<string> resourcesPaths, string? configPath, string? appNamespace)
    {
        var components = new List<ComponentResource>();
        var subscriptions = new List<SubscriptionResource>();
        var resiliencies = new List<ResiliencyResource>();
        var endpoints = new List<HttpEndpointResource>();

        foreach (var (file, document) in resourcesPaths.SelectMany(ReadDirectory))
        {
            var metadata = document.Map("metadata");
            var resourceNamespace = metadata.String("namespace");
            // Self-hosted daprd ignores namespaces unless NAMESPACE is set; then they must match.
            if (!string.IsNullOrEmpty(appNamespace) && !string.IsNullOrEmpty(resourceNamespace) && resourceNamespace != appNamespace)
                continue;
            try
            {
                switch (document.String("kind"))
                {
                    case "Component": components.Add(ParseComponent(document, file)); break;
                    case "Subscription": subscriptions.Add(ParseSubscription(document)); break;
                    case "Resiliency": resiliencies.Add(ResiliencyResource.Parse(document)); break;
                    case "HTTPEndpoint": endpoints.Add(ParseHttpEndpoint(document)); break;
                }
            }
            catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new ResourceException($"{file}: {metadata.String("name")}: {error.Message}", error);
            }
        }

        var duplicate = components.GroupBy(c => c.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new ResourceException($"component {duplicate.Key} is defined more than once ({string.Join(", ", duplicate.Select(c => c.SourceFile))})");

        var configuration = configPath is null ? ConfigurationResource.Default : LoadConfiguration(configPath);
        return new ResourceSet(components, subscriptions, resiliencies, endpoints, configuration);
    }

    private static ConfigurationResource LoadConfiguration(string path)
    {
        if (!File.Exists(path)) throw new ResourceException($"config file {path} not found");
        var document = YamlDocuments.ReadAll(File.ReadAllText(path)).FirstOrDefault(d => d.String("kind") == "Configuration")
            ?? throw new ResourceException($"config file {path} holds no kind: Configuration");
        return ConfigurationResource.Parse(document);
    }

    private static IEnumerable<(string File, IReadOnlyDictionary<string, object?> Document)> ReadDirectory(string path)
    {
        if (!Directory.Exists(path)) throw new ResourceException($"resources path {path} does not exist");
        var files = Directory.EnumerateFiles(path)
            .Where(file => file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            IReadOnlyList<IReadOnlyDictionary<string, object?>> documents;
            try
            {
                documents = YamlDocuments.ReadAll(File.ReadAllText(file));
            }
            catch (YamlDotNet.Core.YamlException error)
            {
                throw new ResourceException($"{file}: invalid YAML: {error.Message}", error);
            }
            foreach (var document in documents) yield return (file, document);
        }
    }

    private static ComponentResource ParseComponent(IReadOnlyDictionary<string, object?> document, string file)
    {
        var metadata = document.Map("metadata");
        var spec = document.Map("spec");
        var name = metadata.String("name") is { Length: > 0 } n ? n : throw new FormatException("metadata.name is required");
        var type = spec.String("type") is { Length: > 0 } t ? t : throw new FormatException("spec.type is required");
        var items = spec.List("metadata")
            .Select(YamlDocuments.AsMap)
            .OfType<IReadOnlyDictionary<string, object?>>()
            .Select(item =>
            {
                var secretRef = YamlDocuments.AsMap(item.GetValueOrDefault("secretKeyRef"));
                return new MetadataItem(
                    item.String("name") ?? throw new FormatException("a metadata item has no name"),
                    item.String("value"),
                    secretRef is null ? null : new SecretKeyRef(secretRef.String("name") ?? "", secretRef.String("key")),
                    item.String("envRef"));
            })
            .ToList();
        var initTimeout = spec.String("initTimeout") is { } timeout ? GoDuration.Parse(timeout) : TimeSpan.FromSeconds(5);
        return new ComponentResource(
            name,
            metadata.String("namespace"),
            type,
            spec.String("version") ?? "v1",
            items,
            document.Map("auth").String("secretStore"),
            document.Strings("scopes"),
            initTimeout,
            spec.Bool("ignoreErrors"),
            file);
    }

    private static SubscriptionResource ParseSubscription(IReadOnlyDictionary<string, object?> document)
    {
        var spec = document.Map("spec");
        var routes = spec.Map("routes");
        var rules = routes.List("rules")
            .Select(YamlDocuments.AsMap)
            .OfType<IReadOnlyDictionary<string, object?>>()
            .Select(rule => new RouteRule(rule.String("match") ?? "", rule.String("path") ?? ""))
            .ToList();
        // v1alpha1 uses spec.route; v2alpha1 uses spec.routes.
        var defaultRoute = routes.String("default") ?? spec.String("route");
        return new SubscriptionResource(
            document.Map("metadata").String("name") ?? "",
            spec.String("pubsubname") ?? throw new FormatException("spec.pubsubname is required"),
            spec.String("topic") ?? throw new FormatException("spec.topic is required"),
            rules,
            defaultRoute,
            spec.String("deadLetterTopic"),
            spec.StringMap("metadata"),
            document.Strings("scopes"),
            SubscriptionKind.Declarative);
    }

    private static HttpEndpointResource ParseHttpEndpoint(IReadOnlyDictionary<string, object?> document)
    {
        var spec = document.Map("spec");
        var headers = spec.List("headers")
            .Select(YamlDocuments.AsMap)
            .OfType<IReadOnlyDictionary<string, object?>>()
            .Where(header => header.String("name") is not null && header.String("value") is not null)
            .ToDictionary(header => header.String("name")!, header => header.String("value")!);
        return new HttpEndpointResource(
            document.Map("metadata").String("name") ?? "",
            new Uri(spec.String("baseUrl") ?? throw new FormatException("spec.baseUrl is required")),
            headers);
    }
}

public sealed class ResourceException(string message, Exception? inner = null) : Exception(message, inner);
