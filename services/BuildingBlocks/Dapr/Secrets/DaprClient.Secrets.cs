namespace DaprShop.Dapr;

public sealed partial class DaprClient
{
    /// <summary>
    /// Reads one secret: its keys and values (a name/value store answers <c>{name: value}</c>). An unknown secret is
    /// an error of the store (500 ERR_SECRET_GET), an unknown store 401 ERR_SECRET_STORE_NOT_FOUND.
    /// </summary>
    public async Task<Dictionary<string, string>> GetSecretAsync(
        string storeName, string key, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeName);
        ArgumentException.ThrowIfNullOrEmpty(key);

        var uri = SidecarUriFor($"/v1.0/secrets/{SidecarUri.Segment(storeName)}/{SidecarUri.Segment(key)}", SidecarUri.Metadata(metadata));
        return await GetJsonFromSidecarAsync<Dictionary<string, string>>(uri, $"secret '{key}'", cancellationToken) ?? [];
    }

    /// <summary>Reads every secret the app may see: secret name → (key → value).</summary>
    public async Task<Dictionary<string, Dictionary<string, string>>> GetBulkSecretAsync(
        string storeName, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeName);

        var uri = SidecarUriFor($"/v1.0/secrets/{SidecarUri.Segment(storeName)}/bulk", SidecarUri.Metadata(metadata));
        return await GetJsonFromSidecarAsync<Dictionary<string, Dictionary<string, string>>>(uri, "bulk secrets", cancellationToken) ?? [];
    }

    /// <summary>GET a JSON document; default on 204 (the sidecar's "nothing to return").</summary>
    private async Task<T?> GetJsonFromSidecarAsync<T>(Uri uri, string what, CancellationToken cancellationToken)
    {
        using var response = await SendToSidecarAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return body.Length == 0 ? default : Deserialize<T>(body, what);
    }
}
