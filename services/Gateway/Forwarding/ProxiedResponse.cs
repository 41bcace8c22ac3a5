using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace DaprShop.Gateway.Forwarding;

/// <summary>The app's response, passed back verbatim (status, headers per <see cref="HeaderRules"/>, body) and streamed as it arrives.</summary>
public sealed class ProxiedResponse(HttpResponseMessage upstream) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        // The request too: its body may still be streaming to the sidecar until the exchange is over.
        using var request = upstream.RequestMessage;
        using var response = upstream;

        context.Response.StatusCode = (int)response.StatusCode;
        var connectionHeader = new StringValues(response.Headers.NonValidated.TryGetValues("Connection", out var connection) ? [.. connection] : []);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            if (HeaderRules.ReturnsResponseHeader(name, connectionHeader))
            {
                context.Response.Headers[name] = new StringValues([.. values]);
            }
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
