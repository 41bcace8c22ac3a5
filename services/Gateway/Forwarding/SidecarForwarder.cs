using DaprShop.Dapr;
using DaprShop.Gateway.Routing;
using Microsoft.AspNetCore.Http.Features;

namespace DaprShop.Gateway.Forwarding;

/// <summary>
/// Sends a public request on to its app through this gateway's own Dapr sidecar (service invocation): same method,
/// path, query string, headers (<see cref="HeaderRules"/>) and body, streamed rather than buffered.
/// </summary>
internal sealed class SidecarForwarder(DaprClient dapr) : IDisposable
{
    // Requests to http://{appId}/{path} go to {sidecar}/v1.0/invoke/{appId}/method/{path}, with this app's DAPR_API_TOKEN.
    private readonly HttpClient _invoker = dapr.CreateInvokableHttpClient();

    /// <summary>Returns as soon as the app's response headers arrive; the caller streams the body and disposes the response.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpContext context, RouteDecision.Forward target) =>
        _invoker.SendAsync(CreateRequest(context, target), HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);

    private static HttpRequestMessage CreateRequest(HttpContext context, RouteDecision.Forward target)
    {
        var incoming = context.Request;
        var uri = new Uri($"http://{target.AppId}{target.MethodPath.ToUriComponent()}{incoming.QueryString.ToUriComponent()}", UriKind.Absolute);
        var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), uri);
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            outgoing.Content = new StreamContent(incoming.Body);
        }

        // Kestrel reduces a Connection header that contains keep-alive, close or upgrade to that one token, so headers
        // named beside those are invisible here and forwarded; headers named on their own are dropped as they should be.
        var connectionHeader = incoming.Headers.Connection;
        foreach (var (name, values) in incoming.Headers)
        {
            if (!HeaderRules.ForwardsRequestHeader(name, connectionHeader)) continue;
            if (!outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return outgoing;
    }

    public void Dispose() => _invoker.Dispose();
}
