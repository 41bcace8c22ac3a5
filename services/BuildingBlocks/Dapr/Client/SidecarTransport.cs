namespace DaprShop.Dapr;

/// <summary>
/// The one connection pool every <see cref="DaprClient"/> and invocation HttpClient of the process shares.
/// The sidecar is a single local endpoint, so one pooled handler gives keep-alive reuse under load without
/// socket exhaustion; the pooled-connection lifetime still lets a restarted sidecar be picked up.
/// </summary>
internal static class SidecarTransport
{
    public static SocketsHttpHandler SharedHandler { get; } = new()
    {
        // Sidecar traffic is local: a proxy from HTTP_PROXY must never see it (or its API token).
        UseProxy = false,
        UseCookies = false,
        // Invocation passes the callee's 3xx back verbatim, as daprd does.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>An HttpClient over the shared pool. Disposing it leaves the pool alone.</summary>
    public static HttpClient CreateClient(string? apiToken, TimeSpan timeout, DelegatingHandler? outermost = null)
    {
        HttpMessageHandler handler = new SidecarRequestHandler(apiToken) { InnerHandler = SharedHandler };
        if (outermost is not null)
        {
            outermost.InnerHandler = handler;
            handler = outermost;
        }

        return new HttpClient(handler, disposeHandler: false) { Timeout = timeout };
    }

    /// <summary>Buffered content with a Content-Length: cheaper for the sidecar than chunked streaming.</summary>
    public static ByteArrayContent Content(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>Sends a building-block request; a non-success status becomes a <see cref="DaprApiException"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.IsSuccessStatusCode) return response;

        using (response)
        {
            throw await DaprErrorReader.ReadAsync(response, cancellationToken);
        }
    }
}
