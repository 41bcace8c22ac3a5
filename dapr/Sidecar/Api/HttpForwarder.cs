using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

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
        var outgoing = new HttpRequestMessage(HttpMethod.Parse(incoming.Method), target) { Version = HttpVersion.Version11 };
        if (bufferedBody is not null) outgoing.Content = new ByteArrayContent(bufferedBody);
        else if (HasBody(incoming)) outgoing.Content = new StreamContent(incoming.Body);
        foreach (var (name, value) in incoming.Headers)
        {
            if (HopByHopHeaders.Contains(name) || skipHeader(name)) continue;
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                if (outgoing.Content is { } content) AddHeader(content.Headers, name, value);
            }
            else
            {
                AddHeader(outgoing.Headers, name, value);
            }
        }
        return outgoing;
    }

    public static async Task CopyResponseAsync(HttpResponseMessage source, HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = (int)source.StatusCode;
        foreach (var (name, values) in source.Headers.NonValidated)
        {
            if (!HopByHopHeaders.Contains(name)) response.Headers[name] = ToStringValues(values);
        }
        foreach (var (name, values) in source.Content.Headers.NonValidated) response.Headers[name] = ToStringValues(values);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await source.Content.CopyToAsync(response.Body, cancellationToken);
    }

    private static void AddHeader(HttpHeaders headers, string name, StringValues value)
    {
        if (value.Count == 1) headers.TryAddWithoutValidation(name, value[0]);
        else headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value);
    }

    private static StringValues ToStringValues(HeaderStringValues values) =>
        values.Count == 1 ? new StringValues(values.ToString()) : new StringValues(values.ToArray());

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
