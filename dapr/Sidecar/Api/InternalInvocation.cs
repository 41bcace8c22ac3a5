using System.Diagnostics;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Sidecar.Api;

/// <summary>
/// The receiving half of service invocation: the callee sidecar calls its app, adding the headers daprd adds on the
/// way (reference §1.2), and hands the app's answer back verbatim. A caller in another process reaches it over the
/// callee's internal port (daprd's internal gRPC port), where the request path is the app method; a caller hosted in
/// the same process (a multi-app run) calls <see cref="SendToAppAsync"/> directly, without a loopback HTTP hop.
/// </summary>
public static class InternalInvocation
{
    public static async Task HandleAsync(HttpContext context, SidecarRuntime callee)
    {
        var caller = context.Request.Headers[InvokeApi.CallerAppIdHeader].ToString();
        var method = context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        using var response = await SendToAppAsync(context, callee, method, caller, bufferedBody: null, context.RequestAborted);
        await HttpForwarder.CopyResponseAsync(response, context, context.RequestAborted);
    }

    /// <summary>Calls the callee's app with the caller's request; the caller copies (or retries) the response.</summary>
    /// <exception cref="DaprApiError">No app, an unhealthy app, or the app unreachable: ERR_DIRECT_INVOKE.</exception>
    public static async Task<HttpResponseMessage> SendToAppAsync(
        HttpContext context, SidecarRuntime callee, string methodAndQuery, string callerAppId, byte[]? bufferedBody, CancellationToken cancellationToken)
    {
        if (callee.App is not { } app)
            throw DaprErrors.DirectInvoke(callee.Options.AppId, "app channel is not initialized");
        if (!callee.IsAppHealthy)
            throw DaprErrors.DirectInvoke(callee.Options.AppId, "app is not in a healthy state");

        // Not disposed here: disposing it would dispose the streamed request body, which the response outlives.
        var request = HttpForwarder.CreateRequest(context, app.UriFor(methodAndQuery), InvokeApi.IsConsumedHeader, bufferedBody);
        request.Headers.TryAddWithoutValidation(InvokeApi.CallerAppIdHeader, callerAppId);
        request.Headers.TryAddWithoutValidation("dapr-callee-app-id", callee.Options.AppId);
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        var host = context.Request.Host.Value ?? "localhost";
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", remote);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", host);
        request.Headers.TryAddWithoutValidation("Forwarded", $"for={remote};by={remote};host={host}");
        if (!request.Headers.Contains("traceparent"))
            request.Headers.TryAddWithoutValidation("traceparent", $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        try
        {
            return await app.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw DaprErrors.DirectInvoke(callee.Options.AppId, $"error invoking app channel: {error.Message}");
        }
    }
}
