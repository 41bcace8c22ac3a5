using System.Text;

namespace DaprShop.Dapr;

/// <summary>Builds Dapr API URIs: escaped path segments and <c>metadata.*</c> query parameters.</summary>
internal static class SidecarUri
{
    /// <summary>
    /// Escapes one path segment (a state key, a secret name). Characters that RFC 3986 allows inside a segment
    /// (<c>:</c>, <c>@</c>, sub-delimiters) stay readable; <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c> and spaces are escaped.
    /// </summary>
    public static string Segment(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || "-._~:@!$&'()*+,;=".Contains((char)rune.Value)))
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                builder.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return builder.ToString();
    }

    /// <summary>A topic may contain <c>/</c> (daprd routes it as a wildcard), so only the parts between slashes are escaped.</summary>
    public static string SlashedPath(string value) => string.Join('/', value.Split('/').Select(Segment));

    public static Uri Build(Uri endpoint, string path, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var text = new StringBuilder(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')).Append(path);
        var separator = '?';
        foreach (var (key, value) in query ?? [])
        {
            text.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(text.ToString(), UriKind.Absolute);
    }

    /// <summary>Request metadata travels as <c>metadata.{key}</c> query parameters.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Metadata(IReadOnlyDictionary<string, string>? metadata) =>
        metadata?.Select(pair => KeyValuePair.Create($"metadata.{pair.Key}", pair.Value)) ?? [];

    /// <summary>Response metadata comes back as <c>metadata.{key}</c> headers.</summary>
    public static IReadOnlyDictionary<string, string> MetadataFromHeaders(HttpResponseMessage response)
    {
        const string prefix = "metadata.";
        var metadata = new Dictionary<string, string>();
        foreach (var header in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            if (header.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Key[prefix.Length..]] = header.Value.ToString();
            }
        }

        return metadata;
    }
}
