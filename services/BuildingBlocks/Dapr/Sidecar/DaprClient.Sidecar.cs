using System.Text.Json;

namespace DaprShop.Dapr;

public sealed partial class DaprClient
{
    /// <summary>Options for documents whose field names Dapr fixes; independent of the caller's options.</summary>
    private static readonly JsonSerializerOptions DaprDocumentOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// True when <c>GET /v1.0/healthz</c> answers 2xx: components loaded and the app channel ready. A sidecar that
    /// cannot be reached counts as unhealthy rather than an error.
    /// </summary>
    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        ProbeAsync("/v1.0/healthz", cancellationToken);

    /// <summary>
    /// True when <c>GET /v1.0/healthz/outbound</c> answers 2xx: the building-block APIs work, whether or not this
    /// app is reachable yet. Use this (not <see cref="CheckHealthAsync"/>) before or during the app's own start-up.
    /// </summary>
    public Task<bool> CheckOutboundHealthAsync(CancellationToken cancellationToken = default) =>
        ProbeAsync("/v1.0/healthz/outbound", cancellationToken);

    /// <summary>Polls <c>/v1.0/healthz/outbound</c> until the sidecar is ready; cancel the token to give up.</summary>
    public Task WaitForSidecarAsync(CancellationToken cancellationToken = default) => PollUntilAsync(CheckOutboundHealthAsync, cancellationToken);

    /// <summary>
    /// Polls <c>/v1.0/healthz</c> until the sidecar is fully initialized, which includes having read this app's
    /// <c>/dapr/config</c>: needed before registering a reminder of an actor type the app hosts. Only from work that
    /// runs after the app has started (a background service), since the sidecar waits for the app; cancel to give up.
    /// </summary>
    public Task WaitForAppChannelAsync(CancellationToken cancellationToken = default) => PollUntilAsync(CheckHealthAsync, cancellationToken);

    private static async Task PollUntilAsync(Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        while (!await probe(cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Asks the sidecar to shut down gracefully (<c>POST /v1.0/shutdown</c>).</summary>
    public Task ShutdownSidecarAsync(CancellationToken cancellationToken = default) =>
        SendToSidecarWithoutResultAsync(new HttpRequestMessage(HttpMethod.Post, SidecarUriFor("/v1.0/shutdown")), cancellationToken);

    public async Task<DaprMetadata> GetMetadataAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendToSidecarAsync(new HttpRequestMessage(HttpMethod.Get, SidecarUriFor("/v1.0/metadata")), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<DaprMetadata>(body, DaprDocumentOptions) ?? new DaprMetadata();
        }
        catch (JsonException exception)
        {
            throw new DaprException($"The sidecar's metadata could not be read: {exception.Message}", exception);
        }
    }

    /// <summary>Adds an attribute to the <c>extended</c> metadata (<c>PUT /v1.0/metadata/{name}</c>, raw text body).</summary>
    public Task SetMetadataAsync(string attributeName, string attributeValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(attributeName);
        ArgumentNullException.ThrowIfNull(attributeValue);

        var request = new HttpRequestMessage(HttpMethod.Put, SidecarUriFor($"/v1.0/metadata/{SidecarUri.Segment(attributeName)}"))
        {
            Content = SidecarTransport.Content(System.Text.Encoding.UTF8.GetBytes(attributeValue), "text/plain"),
        };
        return SendToSidecarWithoutResultAsync(request, cancellationToken);
    }

    private async Task<bool> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _httpClient.GetAsync(SidecarUriFor(path), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
