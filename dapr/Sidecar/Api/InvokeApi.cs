using System.Net;
using System.Text;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>
/// Service invocation (reference §1): <c>/v1.0/invoke/{appId}/method/{method}</c> with any verb, or any other
/// path with a <c>dapr-app-id</c> header (or basic auth user <c>dapr-app-id</c>). The call goes to the target's
/// sidecar over its internal port, which calls its app; HTTPEndpoint names and http(s) URLs are called directly.
/// </summary>
public static class InvokeApi
{
    public const string CallerAppIdHeader = "dapr-caller-app-id";
    private const string AppIdHeader = "dapr-app-id";

    public static void MapInvokeApi(this IEndpointRouteBuilder api)
    {
        api.Map("/v1.0/invoke/{appId}/method/{**method}", (HttpContext context, SidecarRuntime runtime, string appId) =>
        {
            var path = context.Request.Path.ToUriComponent();
            var marker = path.IndexOf("/method/", "/v1.0/invoke/".Length, StringComparison.Ordinal);
            return InvokeAsync(context, runtime, Uri.UnescapeDataString(appId), path[(marker + "/method/".Length)..]);
        });
    }

    /// <summary>daprd's router fallback: unknown paths are invocations when an app id comes in a header.</summary>
    public static Task FallbackAsync(HttpContext context, SidecarRuntime runtime)
    {
        var appId = context.Request.Headers[AppIdHeader].ToString();
        if (appId.Length == 0) appId = AppIdFromBasicAuth(context.Request) ?? "";
        if (appId.Length == 0)
            throw new DaprApiError(404, "ERR_DIRECT_INVOKE", "failed getting app id either from the URL path or the header dapr-app-id");
        return InvokeAsync(context, runtime, appId, context.Request.Path.ToUriComponent().TrimStart('/'));
    }

    private static async Task InvokeAsync(HttpContext context, SidecarRuntime runtime, string appId, string method)
    {
        if (method.Length == 0) throw new DaprApiError(400, "ERR_DIRECT_INVOKE", "invalid method name");
        var (local, remote) = ResolveTarget(runtime, appId);
        if (local is null && remote is null) throw DaprErrors.DirectInvoke(appId, $"couldn't find service: {appId}");
        var methodAndQuery = method + context.Request.QueryString.ToUriComponent();
        var (retry, timeout) = runtime.AppPolicy(appId);
        // A request that may be retried keeps its body to send it again; otherwise the body is streamed through.
        var bufferedBody = retry is null ? null : await ApiRequest.ReadBodyAsync(context);

        for (var attempt = 1; ; attempt++)
        {
            using var cancellation = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            if (timeout is { } limit) cancellation!.CancelAfter(limit);
            var token = cancellation?.Token ?? context.RequestAborted;
            HttpResponseMessage response;
            try
            {
                response = local is not null
                    ? await InternalInvocation.SendToAppAsync(context, local, methodAndQuery, runtime.Options.AppId, bufferedBody, token)
                    : await SendToRemoteAsync(context, runtime, new Uri(remote!, methodAndQuery), bufferedBody, token);
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException or DaprApiError
                                          && !context.RequestAborted.IsCancellationRequested)
            {
                if (retry?.DelayBeforeRetry(attempt) is { } delay)
                {
                    await Task.Delay(delay, context.RequestAborted);
                    continue;
                }
                if (error is DaprApiError) throw;
                throw DaprErrors.DirectInvoke(appId, error is OperationCanceledException ? "timeout waiting for the response" : error.Message);
            }
            using (response)
            {
                var failed = (int)response.StatusCode is < 200 or > 399;
                if (failed && retry?.DelayBeforeRetry(attempt) is { } delay)
                {
                    await Task.Delay(delay, context.RequestAborted);
                    continue;
                }
                await HttpForwarder.CopyResponseAsync(response, context, context.RequestAborted);
                return;
            }
        }
    }

    private static Task<HttpResponseMessage> SendToRemoteAsync(
        HttpContext context, SidecarRuntime runtime, Uri target, byte[]? bufferedBody, CancellationToken cancellationToken)
    {
        // Not disposed here: disposing it would dispose the streamed request body, which the response outlives.
        var request = HttpForwarder.CreateRequest(context, target, IsConsumedHeader, bufferedBody);
        request.Headers.TryAddWithoutValidation(CallerAppIdHeader, runtime.Options.AppId);
        return runtime.Outbound.SendAsync(request, cancellationToken);
    }

    /// <summary>Where an invocation goes: a sidecar hosted in this process, or the base address of one elsewhere.</summary>
    private static (SidecarRuntime? Local, Uri? Remote) ResolveTarget(SidecarRuntime runtime, string appId)
    {
        if (appId.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || appId.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return (null, new Uri(appId.TrimEnd('/') + "/"));
        if (runtime.HttpEndpoints.TryGetValue(appId, out var endpoint)) return (null, endpoint);
        // "app.namespace": namespaces do not exist locally, so the app id alone names the target.
        var dot = appId.IndexOf('.');
        var name = dot < 0 ? appId : appId[..dot];
        if (name == runtime.Options.AppId) return (runtime, null);
        return runtime.NameResolution.Resolve(name) is { } registration ? (registration.Local, registration.BaseAddress) : (null, null);
    }

    /// <summary>Headers daprd consumes or sets itself; a caller's values for them never reach the app.</summary>
    public static bool IsConsumedHeader(string name) =>
        name.Equals(AppIdHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(AppChannel.ApiTokenHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(CallerAppIdHeader, StringComparison.OrdinalIgnoreCase);

    private static string? AppIdFromBasicAuth(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim())).Split(':', 2);
            return credentials.Length == 2 && credentials[0] == AppIdHeader ? credentials[1] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
