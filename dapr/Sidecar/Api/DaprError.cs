using System.Text.Json.Serialization;

namespace DaprShop.Sidecar.Api;

/// <summary>
/// daprd's error body <c>{"errorCode","message"}</c>, with the optional google.rpc <c>details</c> array that the
/// "standardized" errors (state store lookup, pubsub) carry. Messages follow dapr/dapr pkg/messages/predefined.go.
/// </summary>
public sealed record DaprError(
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("details"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ErrorDetail>? Details = null);

public sealed record ErrorDetail(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string> Metadata)
{
    public static ErrorDetail Info(string reason, IReadOnlyDictionary<string, string> metadata) =>
        new("type.googleapis.com/google.rpc.ErrorInfo", reason, "dapr.io", metadata);
}

/// <summary>An API failure: the HTTP status plus daprd's error body.</summary>
public sealed class DaprApiError(int status, DaprError error) : Exception(error.Message)
{
    public int Status { get; } = status;
    public DaprError Error { get; } = error;

    public DaprApiError(int status, string errorCode, string message) : this(status, new DaprError(errorCode, message)) { }
}

public static class DaprErrors
{
    public static DaprApiError MalformedRequest(string detail) =>
        new(400, "ERR_MALFORMED_REQUEST", $"failed deserializing HTTP body: {detail}");

    public static DaprApiError BodyRead(string detail) =>
        new(400, "ERR_BODY_READ", $"failed to read request body: {detail}");

    public static DaprApiError StateStoresNotConfigured() =>
        new(500, "ERR_STATE_STORE_NOT_CONFIGURED", "state store is not configured");

    public static DaprApiError StateStoreNotFound(string appId, string store) =>
        new(400, new DaprError("ERR_STATE_STORE_NOT_FOUND", $"state store {store} is not found",
            [ErrorDetail.Info("DAPR_STATE_NOT_FOUND", new Dictionary<string, string> { ["appID"] = appId })]));

    public static DaprApiError InvalidKey(string appId, string key) =>
        new(400, new DaprError("ERR_MALFORMED_REQUEST", $"input key/keyPrefix '{key}' can't contain '||'",
            [ErrorDetail.Info("DAPR_STATE_ILLEGAL_KEY", new Dictionary<string, string> { ["appID"] = appId })]));

    public static DaprApiError PubSubNotConfigured() => new(400, "ERR_PUBSUB_NOT_CONFIGURED", "no pubsub is configured");

    public static DaprApiError PubSubEmpty() => new(404, "ERR_PUBSUB_EMPTY", "pubsub name is empty");

    public static DaprApiError PubSubNotFound(string appId, string pubsub) =>
        new(404, new DaprError("ERR_PUBSUB_NOT_FOUND", $"pubsub {pubsub} not found",
            [ErrorDetail.Info("DAPR_PUBSUB_NOT_FOUND", new Dictionary<string, string> { ["appID"] = appId, ["pubsubName"] = pubsub })]));

    public static DaprApiError TopicEmpty(string pubsub) => new(404, "ERR_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {pubsub}");

    public static DaprApiError SecretStoresNotConfigured() =>
        new(500, "ERR_SECRET_STORES_NOT_CONFIGURED", "secret store is not configured");

    public static DaprApiError SecretStoreNotFound(string store) =>
        new(401, "ERR_SECRET_STORE_NOT_FOUND", $"failed finding secret store with key {store}");

    public static DaprApiError DirectInvoke(string appId, string detail) =>
        new(500, "ERR_DIRECT_INVOKE", $"failed to invoke, id: {appId}, err: {detail}");
}
