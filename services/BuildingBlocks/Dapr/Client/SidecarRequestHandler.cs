using System.Diagnostics;

namespace DaprShop.Dapr;

/// <summary>
/// Adds what every request to the sidecar carries: the <c>dapr-api-token</c> header when a token is configured,
/// and the W3C trace context of the current <see cref="Activity"/> so the sidecar continues the caller's trace.
/// </summary>
/// <remarks>
/// HttpClient's own diagnostics handler also injects <c>traceparent</c>, but only while activity propagation is
/// enabled process-wide; doing it here keeps the trace intact regardless, and the diagnostics handler leaves an
/// existing header alone.
/// </remarks>
internal sealed class SidecarRequestHandler(string? apiToken) : DelegatingHandler
{
    internal const string ApiTokenHeader = "dapr-api-token";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiToken is not null && !request.Headers.Contains(ApiTokenHeader))
        {
            request.Headers.TryAddWithoutValidation(ApiTokenHeader, apiToken);
        }

        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity && !request.Headers.Contains("traceparent"))
        {
            request.Headers.TryAddWithoutValidation("traceparent", activity.Id);
            if (!string.IsNullOrEmpty(activity.TraceStateString))
            {
                request.Headers.TryAddWithoutValidation("tracestate", activity.TraceStateString);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
