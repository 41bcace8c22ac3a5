using System.Net;
using System.Text;
using System.Text.Json;
using DaprShop.Dapr;

namespace DaprShop.Actors;

/// <summary>
/// An actor call failed: the actor's method threw (then <see cref="RemoteExceptionType"/> and
/// <see cref="RemoteMessage"/> say what it threw), the actor or method does not exist, or the sidecar failed.
/// </summary>
public sealed class ActorMethodInvocationException : DaprException
{
    internal ActorMethodInvocationException(
        string actorType, string actorId, string methodName, HttpStatusCode statusCode, string? errorCode, ActorErrorBody? remoteError,
        Exception? innerException = null, string? responseBody = null)
        : base(Describe(actorType, actorId, methodName, statusCode, errorCode, remoteError, responseBody), innerException)
    {
        ActorType = actorType;
        ActorId = actorId;
        MethodName = methodName;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RemoteExceptionType = remoteError?.ExceptionType;
        RemoteMessage = remoteError?.Message;
        ResponseBody = responseBody;
    }

    public string ActorType { get; }

    public string ActorId { get; }

    public string MethodName { get; }

    /// <summary>The sidecar's status (daprd answers 500 for any actor failure).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Dapr's error code, e.g. ERR_ACTOR_INVOKE_METHOD; null when the body was not a Dapr error.</summary>
    public string? ErrorCode { get; }

    /// <summary>The full name of the exception the actor method threw, when it threw one.</summary>
    public string? RemoteExceptionType { get; }

    public string? RemoteMessage { get; }

    public string? ResponseBody { get; }

    /// <summary>
    /// Reads either the actor host's error JSON itself or daprd's <c>{"errorCode":"ERR_ACTOR_INVOKE_METHOD","message":
    /// "error from actor service: (500) {...}"}</c>, whose message embeds it.
    /// </summary>
    internal static ActorMethodInvocationException FromResponse(string actorType, string actorId, string methodName, HttpStatusCode statusCode, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        string? errorCode = null;
        var remoteError = TryReadErrorBody(text);
        if (remoteError is null && TryReadDaprError(text, out var code, out var message))
        {
            errorCode = code;
            remoteError = message.IndexOf('{') is var start and >= 0 ? TryReadErrorBody(message[start..]) : null;
        }

        return new ActorMethodInvocationException(actorType, actorId, methodName, statusCode, errorCode, remoteError, responseBody: text);
    }

    private static ActorErrorBody? TryReadErrorBody(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ActorErrorBody>(json, ActorErrorBody.WireOptions) is { ExceptionType: not null, Message: not null } error ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadDaprError(string json, out string? errorCode, out string message)
    {
        errorCode = null;
        message = "";
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errorCode", out var code)) return false;
            errorCode = code.GetString();
            message = document.RootElement.TryGetProperty("message", out var text) ? text.GetString() ?? "" : "";
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe(
        string actorType, string actorId, string methodName, HttpStatusCode statusCode, string? errorCode, ActorErrorBody? remoteError, string? responseBody)
    {
        var call = $"Actor call {actorType}/{actorId}.{methodName} failed";
        if (remoteError is not null) return $"{call}: {remoteError.ExceptionType}: {remoteError.Message}";
        return $"{call} with {(int)statusCode} {statusCode}{(errorCode is null ? "" : $" {errorCode}")}: {responseBody}";
    }
}
