using System.Diagnostics;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Sidecar.Api;

/// <summary>
/// The receiving half of service invocation, served on the sidecar's internal port (daprd's internal gRPC port):
/// the request path is the app method; the caller sidecar has set <c>dapr-caller-app-id</c>. Adds the headers daprd
/// adds on the way to the app (reference §1.2) and passes the app's answer back verbatim.
/// </summary>
public static class InternalInvocation
{
    public static async Task HandleAsync(HttpContext context, SidecarRuntime runtime)
    {
        if (runtime.App is not { } app)
            throw DaprErrors.DirectInvoke(runtime.Options.AppId, "app channel is not initialized");
        if (!runtime.IsAppHealthy)
            throw DaprErrors.DirectInvoke(runtime.Options.AppId, "app is not in a healthy state");

        var target = app.UriFor(context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent());
        using var request = HttpForwarder.CreateRequest(context, target, _ => false);
        request.Headers.TryAddWithoutValidation("dapr-callee-app-id", runtime.Options.AppId);
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        var host = context.Request.Host.Value ?? "localhost";
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", remote);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", host);
        request.Headers.TryAddWithoutValidation("Forwarded", $"for={remote};by={remote};host={host}");
        if (!request.Headers.Contains("traceparent"))
            request.Headers.TryAddWithoutValidation("traceparent", $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        HttpResponseMessage response;
        try
        {
            response = await app.SendAsync(request, context.RequestAborted);
        }
        catch (HttpRequestException error)
        {
            throw DaprErrors.DirectInvoke(runtime.Options.AppId, $"error invoking app channel: {error.Message}");
        }
        using (response) await HttpForwarder.CopyResponseAsync(response, context, context.RequestAborted);
    }
}
