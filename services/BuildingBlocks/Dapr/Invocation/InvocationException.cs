using System.Net;

namespace DaprShop.Dapr;

/// <summary>
/// A service invocation did not produce the expected result: the called app (or its sidecar) answered with a
/// non-success status, or a success body could not be read as the requested type. Mirrors Dapr.Client's
/// InvocationException; the response body is read eagerly so it stays available after the response is disposed.
/// </summary>
public sealed class InvocationException : DaprException
{
    public InvocationException(
        string appId, string methodName, HttpStatusCode statusCode, string? responseBody, HttpResponseMessage? response, Exception? innerException = null)
        : base($"An exception occurred while invoking method '{methodName}' on app-id '{appId}': status {(int)statusCode} {statusCode}", innerException)
    {
        AppId = appId;
        MethodName = methodName;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Response = response;
    }

    public string AppId { get; }

    public string MethodName { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The response body as text (problem+json from a DaprShop app, or Dapr's error JSON when the sidecar failed).</summary>
    public string? ResponseBody { get; }

    /// <summary>The response itself (headers included); its content has already been read into <see cref="ResponseBody"/>.</summary>
    public HttpResponseMessage? Response { get; }
}
