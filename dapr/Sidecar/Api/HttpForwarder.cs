using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DaprShop.Sidecar.Api;

/// <summary>
/// Copies an incoming request to an outgoing one and a response back, verbatim apart from hop-by-hop headers.
/// Used for every request the sidecar passes along: invocation to another sidecar, to the app, to an HTTPEndpoint.
/// </summary>
public static class HttpForwarder
{
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    /// <summary>One handler for every outgoing hop: pooled keep-alive connections, no cookies, no redirects, no proxy.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        MaxConnectionsPerServer = 1024,
    };

    /// <summary>
    /// Builds the outgoing request; <paramref name="skipHeader"/> filters caller headers daprd consumes. The body is
    /// streamed, unless <paramref name="bufferedBody"/> holds it for a request that may be sent more than once.
    /// </summary>
    public static HttpRequestMessage CreateRequest(HttpContext context, Uri target, Func<string, bool> skipHeader, byte[]? bufferedBody = null)
    {
        var incoming = context.Request;
        var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), target) { Version = new Version(1, 1) };
        if (bufferedBody is not null) outgoing.Content = new ByteArrayContent(bufferedBody);
        else if (HasBody(incoming)) outgoing.Content = new StreamContent(incoming.Body);
        foreach (var header in incoming.Headers)
        {
            if (HopByHopHeaders.Contains(header.Key) || skipHeader(header.Key)) continue;
            if (!outgoing.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value))
                outgoing.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
        }
        return outgoing;
    }

    public static async Task CopyResponseAsync(HttpResponseMessage source, HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = (int)source.StatusCode;
        foreach (var header in source.Headers)
        {
            if (!HopByHopHeaders.Contains(header.Key)) response.Headers[header.Key] = header.Value.ToArray();
        }
        foreach (var header in source.Content.Headers) response.Headers[header.Key] = header.Value.ToArray();
        // Let Kestrel pick chunked or fixed length; a copied Transfer-Encoding would conflict with it.
        response.Headers.Remove("Transfer-Encoding");
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await source.Content.CopyToAsync(response.Body, cancellationToken);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
