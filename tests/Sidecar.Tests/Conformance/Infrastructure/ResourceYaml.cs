using System.Text;

namespace DaprShop.Sidecar.Tests.Conformance.Infrastructure;

/// <summary>Builds Dapr resource documents (reference §9) as YAML text, the way users write them.</summary>
internal static class ResourceYaml
{
    public static string Component(
        string name, string type, IEnumerable<(string Name, string Value)>? metadata = null, IEnumerable<string>? scopes = null)
    {
        var yaml = new StringBuilder()
            .AppendLine("apiVersion: dapr.io/v1alpha1")
            .AppendLine("kind: Component")
            .AppendLine("metadata:")
            .AppendLine($"  name: {name}")
            .AppendLine("spec:")
            .AppendLine($"  type: {type}")
            .AppendLine("  version: v1");
        var items = metadata?.ToList() ?? [];
        yaml.AppendLine(items.Count == 0 ? "  metadata: []" : "  metadata:");
        foreach (var (itemName, value) in items)
        {
            yaml.AppendLine($"    - name: {itemName}")
                .AppendLine($"      value: {Quote(value)}");
        }
        AppendScopes(yaml, scopes);
        return yaml.ToString();
    }

    /// <summary>Several documents in one file, separated by "---" (supported by daprd's loader, §9.1).</summary>
    public static string Documents(params string[] documents) => string.Join("---" + Environment.NewLine, documents);

    private static void AppendScopes(StringBuilder yaml, IEnumerable<string>? scopes)
    {
        var list = scopes?.ToList() ?? [];
        if (list.Count == 0) return;
        yaml.AppendLine("scopes:");
        foreach (var scope in list) yaml.AppendLine($"  - {scope}");
    }

    /// <summary>Double-quoted YAML scalar, so values such as "@every 1s" or "true" stay strings.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
