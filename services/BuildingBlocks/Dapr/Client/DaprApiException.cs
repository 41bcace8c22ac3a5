using System.Net;
using System.Text.Json;

namespace DaprShop.Dapr;

/// <summary>
/// The sidecar rejected a building-block call (state, pub/sub, secrets, bindings, metadata). Carries Dapr's
/// <c>errorCode</c> and <c>message</c> and the HTTP status. Service invocation failures are reported as
/// <see cref="InvocationException"/> instead, because there the body usually comes from the called app.
/// </summary>
public sealed class DaprApiException : DaprException
{
    public DaprApiException(
        HttpStatusCode statusCode, string? errorCode, string errorMessage, IReadOnlyList<JsonElement> details, Exception? innerException = null)
        : base(Describe(statusCode, errorCode, errorMessage), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Details = details;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Dapr's error code, e.g. <c>ERR_STATE_SAVE</c>; null when the body was not a Dapr error document
    /// (daprd answers a wrong API token with the plain text <c>invalid api token</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>Dapr's <c>message</c>, or the raw body text when it was not a Dapr error document.</summary>
    public string ErrorMessage { get; }

    /// <summary>The <c>details</c> array of Dapr's standardized errors (google.rpc ErrorInfo, ResourceInfo, ...); empty when absent.</summary>
    public IReadOnlyList<JsonElement> Details { get; }

    /// <summary>
    /// True when a state save or delete failed because the ETag did not match (or first-write found an existing key):
    /// daprd answers those with 409. A state transaction reports the same condition as 500 ERR_STATE_TRANSACTION,
    /// which cannot be told apart from other store failures, so this is false there.
    /// </summary>
    public bool IsETagMismatch => StatusCode == HttpStatusCode.Conflict;

    /// <summary>
    /// True when the store refused a state transaction (<c>ERR_STATE_TRANSACTION</c>): an ETag or first-write conflict
    /// inside it, or any other store failure, which Dapr does not tell apart.
    /// </summary>
    public bool IsTransactionRefused => ErrorCode == "ERR_STATE_TRANSACTION";

    private static string Describe(HttpStatusCode statusCode, string? errorCode, string errorMessage) =>
        $"Dapr API call failed with {(int)statusCode} {statusCode}{(errorCode is null ? "" : $" {errorCode}")}: {errorMessage}";
}
