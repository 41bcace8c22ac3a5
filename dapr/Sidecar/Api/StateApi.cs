using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.State;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>The state API (reference §2): save, get, bulk get, delete, transaction.</summary>
public static class StateApi
{
    public static void MapStateApi(this IEndpointRouteBuilder api)
    {
        api.MapMethods("/v1.0/state/{store}", ["POST", "PUT"], SaveAsync);
        api.MapGet("/v1.0/state/{store}/{key}", GetAsync);
        api.MapDelete("/v1.0/state/{store}/{key}", DeleteAsync);
        api.MapMethods("/v1.0/state/{store}/bulk", ["POST", "PUT"], BulkGetAsync);
        api.MapMethods("/v1.0/state/{store}/transaction", ["POST", "PUT"], TransactionAsync);
        api.MapMethods("/v1.0-alpha1/state/{store}/query", ["POST", "PUT"], QueryAsync);
    }

    private static StateStoreComponent Store(SidecarRuntime runtime, string name)
    {
        if (runtime.Components.StateStores.Count == 0) throw DaprErrors.StateStoresNotConfigured();
        return runtime.Components.StateStores.TryGetValue(name, out var store)
            ? store
            : throw DaprErrors.StateStoreNotFound(runtime.Options.AppId, name);
    }

    private static string StoreKey(SidecarRuntime runtime, StateStoreComponent store, string key) =>
        key.Contains("||", StringComparison.Ordinal) ? throw DaprErrors.InvalidKey(runtime.Options.AppId, key) : store.ToStoreKey(key);

    private static async Task SaveAsync(HttpContext context, SidecarRuntime runtime, string store)
    {
        var component = Store(runtime, store);
        using var body = await ApiRequest.ReadJsonAsync(context);
        if (body.RootElement.ValueKind != JsonValueKind.Array)
            throw DaprErrors.MalformedRequest("json: cannot unmarshal object into Go value of type []state.SetRequest");
        var queryMetadata = ApiRequest.QueryMetadata(context.Request);
        var requests = body.RootElement.EnumerateArray()
            .Select(item => ParseSetRequest(runtime, component, item, queryMetadata))
            .ToList();
        foreach (var request in requests)
        {
            try
            {
                await component.Store.SetAsync(request, context.RequestAborted);
            }
            catch (StateStoreException error)
            {
                throw SaveError(store, error);
            }
        }
        ApiResponse.NoContent(context);
    }

    private static async Task GetAsync(HttpContext context, SidecarRuntime runtime, string store, string key)
    {
        var component = Store(runtime, store);
        key = ApiRequest.PathParameter(key);
        StateEntry? entry;
        try
        {
            entry = await component.Store.GetAsync(StoreKey(runtime, component, key), context.RequestAborted);
        }
        catch (StateStoreException error)
        {
            throw new DaprApiError(500, "ERR_STATE_GET", $"fail to get {key} from state store {store}: {error.Message}");
        }
        if (entry is null)
        {
            ApiResponse.NoContent(context);
            return;
        }
        if (entry.ETag is not null) context.Response.Headers.ETag = entry.ETag;
        ApiResponse.MetadataHeaders(context, entry.Metadata);
        await ApiResponse.Json(context, entry.Value);
    }

    private static async Task DeleteAsync(HttpContext context, SidecarRuntime runtime, string store, string key)
    {
        var component = Store(runtime, store);
        key = ApiRequest.PathParameter(key);
        // The presence of If-Match, even empty, sets the ETag.
        var etag = context.Request.Headers.TryGetValue("If-Match", out var ifMatch) ? ifMatch.ToString() : null;
        var request = new StateDeleteRequest(
            StoreKey(runtime, component, key), etag, Concurrency(context.Request.Query["concurrency"]), ApiRequest.QueryMetadata(context.Request));
        try
        {
            await component.Store.DeleteAsync(request, context.RequestAborted);
        }
        catch (StateStoreException error)
        {
            throw error switch
            {
                StateETagMismatchException => new DaprApiError(409, "ERR_STATE_DELETE", $"failed deleting state with key {key}: possible etag mismatch. error from state store: {error.Message}"),
                StateInvalidETagException => new DaprApiError(400, "ERR_STATE_DELETE", $"failed deleting state with key {key}: invalid etag value: {error.Message}"),
                _ => new DaprApiError(500, "ERR_STATE_DELETE", $"failed deleting state with key {key}: {error.Message}"),
            };
        }
        ApiResponse.NoContent(context);
    }

    private static async Task BulkGetAsync(HttpContext context, SidecarRuntime runtime, string store)
    {
        var component = Store(runtime, store);
        using var body = await ApiRequest.ReadJsonAsync(context);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw DaprErrors.MalformedRequest("the body must be a JSON object");
        var keys = root.TryGetProperty("keys", out var keyArray) && keyArray.ValueKind == JsonValueKind.Array
            ? keyArray.EnumerateArray().Select(k => k.ValueKind == JsonValueKind.String ? k.GetString()! : throw DaprErrors.MalformedRequest("keys must be strings")).ToList()
            : [];
        foreach (var key in keys) StoreKey(runtime, component, key);

        var results = await Task.WhenAll(keys.Select(async key =>
        {
            try
            {
                return (key, Entry: await component.Store.GetAsync(component.ToStoreKey(key), context.RequestAborted), Error: (string?)null);
            }
            catch (StateStoreException error)
            {
                return (key, Entry: (StateEntry?)null, Error: error.Message);
            }
        }));

        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (key, entry, error) in results)
            {
                json.WriteStartObject();
                json.WriteString("key", key);
                if (entry is not null)
                {
                    JsonValues.WriteData(json, "data", entry.Value);
                    if (entry.ETag is not null) json.WriteString("etag", entry.ETag);
                    if (entry.Metadata.Count > 0)
                    {
                        json.WriteStartObject("metadata");
                        foreach (var (name, value) in entry.Metadata) json.WriteString(name, value);
                        json.WriteEndObject();
                    }
                }
                if (error is not null) json.WriteString("error", error);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        await ApiResponse.Json(context, buffer.ToArray());
    }

    private static async Task TransactionAsync(HttpContext context, SidecarRuntime runtime, string store)
    {
        var component = Store(runtime, store);
        using var body = await ApiRequest.ReadJsonAsync(context);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw DaprErrors.MalformedRequest("the body must be a JSON object");
        var metadata = ApiRequest.Merge(ApiRequest.StringMap(root, "metadata"), ApiRequest.QueryMetadata(context.Request));
        var operations = new List<StateOperation>();
        if (root.TryGetProperty("operations", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                var operation = ApiRequest.OptionalString(item, "operation");
                if (!item.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
                    throw DaprErrors.MalformedRequest("each operation needs a request object");
                operations.Add(operation switch
                {
                    "upsert" => StateOperation.Upsert(ParseSetRequest(runtime, component, request, metadata)),
                    "delete" => StateOperation.Remove(ParseDeleteRequest(runtime, component, request, metadata)),
                    _ => throw new DaprApiError(400, "ERR_NOT_SUPPORTED_STATE_OPERATION", $"operation type {operation} not supported"),
                });
            }
        }
        if (operations.Count > 0)
        {
            try
            {
                await component.Store.ExecuteTransactionAsync(operations, context.RequestAborted);
            }
            catch (StateStoreException error)
            {
                throw new DaprApiError(500, "ERR_STATE_TRANSACTION", $"error while executing state transaction: {error.Message}");
            }
        }
        ApiResponse.NoContent(context);
    }

    private static Task QueryAsync(HttpContext context, SidecarRuntime runtime, string store)
    {
        Store(runtime, store);
        throw new DaprApiError(500, "ERR_STATE_STORE_NOT_SUPPORTED", "state store does not support querying");
    }

    private static StateSetRequest ParseSetRequest(
        SidecarRuntime runtime, StateStoreComponent component, JsonElement item, IReadOnlyDictionary<string, string> extraMetadata)
    {
        if (item.ValueKind != JsonValueKind.Object) throw DaprErrors.MalformedRequest("each state item must be a JSON object");
        var key = ApiRequest.OptionalString(item, "key");
        if (string.IsNullOrEmpty(key)) throw new DaprApiError(400, "ERR_MALFORMED_REQUEST", "\"key\" is a required field");
        var value = item.TryGetProperty("value", out var raw) ? JsonValues.Compact(raw) : "null"u8.ToArray();
        var metadata = ApiRequest.Merge(ApiRequest.StringMap(item, "metadata"), extraMetadata);
        return new StateSetRequest(
            StoreKey(runtime, component, key), value, ApiRequest.OptionalString(item, "etag"), ParseConcurrency(item), metadata);
    }

    private static StateDeleteRequest ParseDeleteRequest(
        SidecarRuntime runtime, StateStoreComponent component, JsonElement item, IReadOnlyDictionary<string, string> extraMetadata)
    {
        var key = ApiRequest.OptionalString(item, "key");
        if (string.IsNullOrEmpty(key)) throw new DaprApiError(400, "ERR_MALFORMED_REQUEST", "\"key\" is a required field");
        var metadata = ApiRequest.Merge(ApiRequest.StringMap(item, "metadata"), extraMetadata);
        return new StateDeleteRequest(StoreKey(runtime, component, key), ApiRequest.OptionalString(item, "etag"), ParseConcurrency(item), metadata);
    }

    private static StateConcurrency ParseConcurrency(JsonElement item) =>
        item.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
            ? Concurrency(ApiRequest.OptionalString(options, "concurrency"))
            : StateConcurrency.LastWrite;

    private static StateConcurrency Concurrency(string? value) => value switch
    {
        null or "" or "last-write" => StateConcurrency.LastWrite,
        "first-write" => StateConcurrency.FirstWrite,
        _ => throw new DaprApiError(400, "ERR_MALFORMED_REQUEST", $"unknown concurrency value '{value}': use first-write or last-write"),
    };

    private static DaprApiError SaveError(string store, StateStoreException error) => error switch
    {
        StateETagMismatchException => new DaprApiError(409, "ERR_STATE_SAVE", $"failed saving state in state store {store}: possible etag mismatch. error from state store: {error.Message}"),
        StateInvalidETagException => new DaprApiError(400, "ERR_STATE_SAVE", $"failed saving state in state store {store}: invalid etag value: {error.Message}"),
        _ => new DaprApiError(500, "ERR_STATE_SAVE", $"failed saving state in state store {store}: {error.Message}"),
    };
}
