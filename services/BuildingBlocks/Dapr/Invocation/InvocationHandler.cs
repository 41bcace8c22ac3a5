using System.Diagnostics.CodeAnalysis;

namespace DaprShop.Dapr;

/// <summary>
/// Rewrites requests to <c>http://{appId}/path?query</c> into <c>{sidecar}/v1.0/invoke/{appId}/method/path?query</c>
/// (as Dapr.Client's InvocationHandler does), so code can use a plain HttpClient against another app through the
/// sidecar. Verb, headers, body and the response are passed through untouched.
/// </summary>
/// <remarks>Every request is sent to the sidecar; never point <see cref="DaprEndpoint"/> at anything else.</remarks>
public sealed class InvocationHandler : DelegatingHandler
{
    private Uri _daprEndpoint = new(DaprDefaults.GetDefaultHttpEndpoint(), UriKind.Absolute);

    /// <summary>The sidecar's HTTP endpoint; defaults to <see cref="DaprDefaults.GetDefaultHttpEndpoint"/>.</summary>
    public string DaprEndpoint
    {
        get => _daprEndpoint.OriginalString;
        set
        {
            var endpoint = new Uri(value ?? throw new ArgumentNullException(nameof(value)), UriKind.Absolute);
            if (endpoint.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException("The Dapr endpoint must be an http or https URI.", nameof(value));
            }

            _daprEndpoint = endpoint;
        }
    }

    /// <summary>
    /// The app id used when a request's host matches it case-insensitively. URI hosts are lower-cased by
    /// <see cref="Uri"/>, so an app id with upper-case letters only survives through this property.
    /// </summary>
    public string? DefaultAppId { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri;
        if (!TryRewrite(original, out var rewritten))
        {
            throw new ArgumentException($"The request URI '{original}' is not a valid Dapr service invocation destination.", nameof(request));
        }

        try
        {
            request.RequestUri = rewritten;
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            // The caller keeps seeing the address it wrote (e.g. in response.RequestMessage).
            request.RequestUri = original;
        }
    }

    internal bool TryRewrite(Uri? uri, [NotNullWhen(true)] out Uri? rewritten)
    {
        rewritten = null;
        if (uri is not { IsAbsoluteUri: true } || uri.Scheme is not ("http" or "https")) return false;

        var appId = DefaultAppId is not null && uri.Host.Equals(DefaultAppId, StringComparison.OrdinalIgnoreCase) ? DefaultAppId : uri.Host;
        var endpointPath = _daprEndpoint.AbsolutePath.TrimEnd('/');
        rewritten = new UriBuilder(uri)
        {
            Scheme = _daprEndpoint.Scheme,
            Host = _daprEndpoint.Host,
            Port = _daprEndpoint.Port,
            Path = $"{endpointPath}/v1.0/invoke/{appId}/method{uri.AbsolutePath}",
        }.Uri;
        return true;
    }
}
