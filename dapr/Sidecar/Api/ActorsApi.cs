using System.Text;
using System.Text.Json;
using DaprShop.Sidecar.Actors;
using DaprShop.Sidecar.Components.State;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>
/// The actor API (reference §6.1, dapr/dapr pkg/api/http/actors.go): method invocation placed on the hosting sidecar,
/// transactional actor state, reminders and timers. Every route needs the actor runtime (an actorStateStore).
/// </summary>
public static class ActorsApi
{
    private const string Prefix = "/v1.0/actors/{actorType}/{actorId}";

    /// <summary>The .NET SDK's remoting error marker: daprd passes such an answer on unchanged.</summary>
    private const string ErrorResponseHeader = "X-DaprErrorResponseHeader";

    /// <summary>Feature gate for ttlInSeconds on actor state (Configuration spec.features).</summary>
    private const string ActorStateTtlFeature = "ActorStateTTL";

    public static void MapActorsApi(this IEndpointRouteBuilder api)
    {
        api.MapMethods(Prefix + "/method/{**method}", ["GET", "POST", "PUT", "DELETE"], InvokeAsync);
        api.MapGet(Prefix + "/state/{key}", GetStateAsync);
        api.MapMethods(Prefix + "/state", ["POST", "PUT"], SaveStateAsync);
        api.MapMethods(Prefix + "/reminders/{name}", ["POST", "PUT"], CreateReminderAsync);
        api.MapGet(Prefix + "/reminders/{name}", GetReminderAsync);
        api.MapDelete(Prefix + "/reminders/{name}", DeleteReminderAsync);
        api.MapMethods(Prefix + "/timers/{name}", ["POST", "PUT"], CreateTimerAsync);
        api.MapDelete(Prefix + "/timers/{name}", DeleteTimer);
    }

    /// <summary>A call another sidecar placed on this host: run it here and answer with the app's reply or our error.</summary>
    public static async Task HandleForwardedAsync(HttpContext context, SidecarRuntime runtime)
    {
        try
        {
            var segments = context.Request.Path.ToUriComponent().Split('/', 6);
            if (segments is not ["", "actors", var actorType, var actorId, "method", var method])
                throw new DaprApiError(400, "ERR_MALFORMED_REQUEST", "not an actor call");
            var call = await ReadCallAsync(context, Uri.UnescapeDataString(actorType), Uri.UnescapeDataString(actorId), method);
            await WriteReplyAsync(context, await runtime.Actors.CallLocalAsync(call, context.RequestAborted));
        }
        catch (DaprApiError error) when (!context.Response.HasStarted)
        {
            context.Response.Headers[ActorPlacement.HostErrorHeader] = "true";
            await ApiResponse.Error(context, error);
        }
    }

    private static async Task InvokeAsync(HttpContext context, SidecarRuntime runtime, string actorType, string actorId)
    {
        RequireActorRuntime(runtime);
        var path = context.Request.Path.ToUriComponent();
        var method = path[(path.IndexOf("/method/", StringComparison.Ordinal) + "/method/".Length)..];
        var call = await ReadCallAsync(context, ApiRequest.PathParameter(actorType), ApiRequest.PathParameter(actorId), method);
        var (reply, remote) = await runtime.Actors.Placement.CallAsync(call, context.RequestAborted);
        if (reply.Status == StatusCodes.Status200OK || reply.Header(ErrorResponseHeader) is not null)
        {
            await WriteReplyAsync(context, reply);
            return;
        }
        // pkg/actors/targets/app/app.go: 404 is "actor method not found" (not retried), any other non-200 answer
        // "error from actor service: (code) body", both ERR_ACTOR_INVOKE_METHOD.
        var failure = reply.Status == StatusCodes.Status404NotFound
            ? $"actor method not found: actors/{call.ActorType}/{call.ActorId}/method/{call.Method}"
            : $"error from actor service: ({reply.Status}) {Encoding.UTF8.GetString(reply.Body)}";
        // Answered by another daprd, the failure comes back through its gRPC API and is wrapped once more (observed
        // from daprd: "error invoke actor method: rpc error: code = Internal desc = error invoke actor method: ...").
        throw ActorErrors.Invoke(remote ? $"rpc error: code = Internal desc = error invoke actor method: {failure}" : failure);
    }

    private static async Task GetStateAsync(HttpContext context, SidecarRuntime runtime, string actorType, string actorId, string key)
    {
        var store = RequireActorRuntime(runtime);
        StateEntry? entry;
        try
        {
            entry = await store.GetAsync(StateKey(runtime, actorType, actorId, ApiRequest.PathParameter(key)), context.RequestAborted);
        }
        catch (StateStoreException error)
        {
            throw ActorErrors.StateGet(error.Message);
        }
        if (entry is null)
        {
            ApiResponse.NoContent(context);
            return;
        }
        ApiResponse.MetadataHeaders(context, entry.Metadata);
        await ApiResponse.Json(context, entry.Value);
    }

    private static async Task SaveStateAsync(HttpContext context, SidecarRuntime runtime, string actorType, string actorId)
    {
        var store = RequireActorRuntime(runtime);
        actorType = ApiRequest.PathParameter(actorType);
        actorId = ApiRequest.PathParameter(actorId);
        // daprd decodes the body first (ERR_MALFORMED_REQUEST), then checks the actor is active here.
        using var body = await ApiRequest.ReadJsonAsync(context);
        if (body.RootElement.ValueKind != JsonValueKind.Array) throw DaprErrors.MalformedRequest("expected a JSON array of operations");
        if (!runtime.Actors.IsActive(actorType, actorId)) throw ActorErrors.InstanceMissing();
        var actorKey = ActorKeyPrefix(runtime, actorType, actorId);
        var partition = new Dictionary<string, string> { ["partitionKey"] = actorKey };
        var ttlAllowed = runtime.Resources.Configuration.EnabledFeatures.Contains(ActorStateTtlFeature);
        var operations = new List<StateOperation>();
        foreach (var item in body.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
                throw ActorErrors.StateTransaction("request data is empty");
            var key = ApiRequest.OptionalString(request, "key") ?? "";
            if (key.Length == 0) throw ActorErrors.StateTransaction("missing key");
            var etag = ApiRequest.OptionalString(request, "etag");
            var metadata = ApiRequest.Merge(ApiRequest.StringMap(request, "metadata"), partition);
            if (metadata.ContainsKey("ttlInSeconds") && !ttlAllowed)
                throw ActorErrors.StateTransaction($"ttlInSeconds is not supported without the \"{ActorStateTtlFeature}\" feature enabled");
            var fullKey = actorKey + "||" + key;
            operations.Add(ApiRequest.OptionalString(item, "operation") switch
            {
                "upsert" => StateOperation.Upsert(new StateSetRequest(fullKey,
                    request.TryGetProperty("value", out var value) ? JsonSerializer.SerializeToUtf8Bytes(value) : "null"u8.ToArray(),
                    etag, StateConcurrency.LastWrite, metadata)),
                "delete" => StateOperation.Remove(new StateDeleteRequest(fullKey, etag, StateConcurrency.LastWrite, metadata)),
                // pkg/actors/api/transactional.go: every malformed operation fails the transaction as a whole.
                var other => throw ActorErrors.StateTransaction($"operation type {other} not supported"),
            });
        }
        try
        {
            await store.ExecuteTransactionAsync(operations, context.RequestAborted);
        }
        catch (StateStoreException error)
        {
            throw ActorErrors.StateTransaction(error.Message);
        }
        ApiResponse.NoContent(context);
    }

    private static async Task CreateReminderAsync(HttpContext context, SidecarRuntime runtime, string actorType, string actorId, string name)
    {
        var (type, id) = RequireHostedType(runtime, actorType, actorId);
        using var body = await ApiRequest.ReadJsonAsync(context);
        var request = body.RootElement;
        if (request.ValueKind != JsonValueKind.Object) throw DaprErrors.MalformedRequest("expected a JSON object");
        var dueTime = ApiRequest.OptionalString(request, "dueTime") ?? "";
        ActorSchedule schedule;
        try
        {
            schedule = ActorSchedule.Parse(dueTime, ApiRequest.OptionalString(request, "period"), ApiRequest.OptionalString(request, "ttl"),
                DateTimeOffset.UtcNow, "reminder", $"{type}||{id}||{ApiRequest.PathParameter(name)}");
        }
        catch (FormatException error)
        {
            throw ActorErrors.ReminderCreate(error.Message);
        }
        var reminder = new Reminder(type, id, ApiRequest.PathParameter(name), RawData(request), dueTime, schedule);
        try
        {
            await runtime.Actors.CreateReminderAsync(reminder, context.RequestAborted);
        }
        catch (StateStoreException error)
        {
            throw ActorErrors.ReminderCreate(error.Message);
        }
        ApiResponse.NoContent(context);
    }

    /// <summary>daprd 1.14 with state-store reminders: the reminder's data, dueTime and period; <c>null</c> when there is none.</summary>
    private static async Task GetReminderAsync(HttpContext context, SidecarRuntime runtime, string actorType, string actorId, string name)
    {
        var (type, id) = RequireHostedType(runtime, actorType, actorId);
        Reminder? reminder;
        try
        {
            reminder = await runtime.Actors.GetReminderAsync(type, id, ApiRequest.PathParameter(name), context.RequestAborted);
        }
        catch (Exception error) when (error is StateStoreException or JsonException or FormatException)
        {
            throw ActorErrors.ReminderGet(error.Message);
        }
        await ApiResponse.Json(context, reminder?.GetAnswerJson() ?? "null"u8.ToArray());
    }

    private static async Task DeleteReminderAsync(HttpContext context, SidecarRuntime runtime, string actorType, string actorId, string name)
    {
        var (type, id) = RequireHostedType(runtime, actorType, actorId);
        try
        {
            await runtime.Actors.DeleteReminderAsync(type, id, ApiRequest.PathParameter(name), context.RequestAborted);
        }
        catch (StateStoreException error)
        {
            throw ActorErrors.ReminderDelete(error.Message);
        }
        ApiResponse.NoContent(context);
    }

    /// <summary>Timers live with the activation on this host, so only a sidecar whose app hosts the type can create them.</summary>
    private static async Task CreateTimerAsync(HttpContext context, SidecarRuntime runtime, string actorType, string actorId, string name)
    {
        RequireActorRuntime(runtime);
        actorType = ApiRequest.PathParameter(actorType);
        // pkg/actors/timers: "can't create timer for actor <type>||<id>: actor type not registered".
        if (!runtime.Actors.Hosts(actorType))
            throw ActorErrors.TimerCreate($"can't create timer for actor {actorType}||{ApiRequest.PathParameter(actorId)}: actor type not registered");
        using var body = await ApiRequest.ReadJsonAsync(context);
        var request = body.RootElement;
        if (request.ValueKind != JsonValueKind.Object) throw DaprErrors.MalformedRequest("expected a JSON object");
        var dueTime = ApiRequest.OptionalString(request, "dueTime") ?? "";
        var period = ApiRequest.OptionalString(request, "period") ?? "";
        ActorSchedule schedule;
        try
        {
            schedule = ActorSchedule.Parse(dueTime, period, ApiRequest.OptionalString(request, "ttl"), DateTimeOffset.UtcNow,
                "timer", $"{actorType}||{ApiRequest.PathParameter(actorId)}||{ApiRequest.PathParameter(name)}");
        }
        catch (FormatException error)
        {
            throw ActorErrors.TimerCreate(error.Message);
        }
        runtime.Actors.CreateTimer(actorType, ApiRequest.PathParameter(actorId), ApiRequest.PathParameter(name), schedule,
            TimerCallbackBody(ApiRequest.OptionalString(request, "callback") ?? "", RawData(request), dueTime, period));
        ApiResponse.NoContent(context);
    }

    private static void DeleteTimer(HttpContext context, SidecarRuntime runtime, string actorType, string actorId, string name)
    {
        RequireActorRuntime(runtime);
        runtime.Actors.DeleteTimer(ApiRequest.PathParameter(actorType), ApiRequest.PathParameter(actorId), ApiRequest.PathParameter(name));
        ApiResponse.NoContent(context);
    }

    /// <summary>daprd's TimerResponse: callback, data (raw JSON, omitted when none), dueTime, period.</summary>
    private static byte[] TimerCallbackBody(string callback, string? data, string dueTime, string period)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("callback", callback);
            if (data is not null)
            {
                json.WritePropertyName("data");
                json.WriteRawValue(data);
            }
            json.WriteString("dueTime", dueTime);
            json.WriteString("period", period);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string? RawData(JsonElement request) =>
        request.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null ? data.GetRawText() : null;

    private static IStateStore RequireActorRuntime(SidecarRuntime runtime) =>
        runtime.Components.ActorStateStore?.Store ?? throw ActorErrors.RuntimeNotFound();

    private static (string Type, string Id) RequireHostedType(SidecarRuntime runtime, string actorType, string actorId)
    {
        RequireActorRuntime(runtime);
        actorType = ApiRequest.PathParameter(actorType);
        if (!runtime.Actors.Hosts(actorType)) throw ActorErrors.ReminderNotHosted();
        return (actorType, ApiRequest.PathParameter(actorId));
    }

    /// <summary>The request as an actor call: query and headers pass through, minus those daprd consumes itself.</summary>
    private static async Task<ActorCall> ReadCallAsync(HttpContext context, string actorType, string actorId, string method)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in context.Request.Headers)
        {
            if (InvokeApi.IsConsumedHeader(name) || name.Equals(ActorPlacement.ForwardedHeader, StringComparison.OrdinalIgnoreCase)
                || name is "Host" or "Connection" or "Transfer-Encoding" or "Content-Length") continue;
            headers.AddRange(values.Select(value => new KeyValuePair<string, string>(name, value ?? "")));
        }
        return new ActorCall(actorType, actorId, method, context.Request.QueryString.ToUriComponent(), headers, await ApiRequest.ReadBodyAsync(context));
    }

    private static async Task WriteReplyAsync(HttpContext context, ActorReply reply)
    {
        context.Response.StatusCode = reply.Status;
        foreach (var group in reply.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (group.Key is "Transfer-Encoding" or "Connection" or "Content-Length") continue;
            context.Response.Headers[group.Key] = group.Select(h => h.Value).ToArray();
        }
        context.Response.ContentLength = reply.Body.Length;
        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    private static string ActorKeyPrefix(SidecarRuntime runtime, string actorType, string actorId) =>
        $"{runtime.Options.AppId}||{actorType}||{actorId}";

    private static string StateKey(SidecarRuntime runtime, string actorType, string actorId, string key) =>
        ActorKeyPrefix(runtime, ApiRequest.PathParameter(actorType), ApiRequest.PathParameter(actorId)) + "||" + key;
}
