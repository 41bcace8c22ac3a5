using System.Text.Json;
using DaprShop.Sidecar.Components.Bindings;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>The output bindings API (reference §4.1).</summary>
public static class BindingsApi
{
    public static void MapBindingsApi(this IEndpointRouteBuilder api) =>
        api.MapMethods("/v1.0/bindings/{name}", ["POST", "PUT"], InvokeAsync);

    private static async Task InvokeAsync(HttpContext context, SidecarRuntime runtime, string name)
    {
        using var body = await ApiRequest.ReadJsonAsync(context);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw DaprErrors.MalformedRequest("the body must be a JSON object");
        var metadata = ApiRequest.StringMap(root, "metadata") ?? new Dictionary<string, string>();
        foreach (var header in new[] { "traceparent", "tracestate", "baggage" })
        {
            if (context.Request.Headers[header].ToString() is { Length: > 0 } value) metadata[header] = value;
        }
        var operation = ApiRequest.OptionalString(root, "operation");
        if (string.IsNullOrEmpty(operation)) throw Error(name, "operation field is missing from request");
        if (!runtime.Components.OutputBindings.TryGetValue(name, out var binding)) throw Error(name, $"couldn't find output binding {name}");
        if (!binding.Binding.Operations.Contains(operation))
            throw Error(name, $"binding {name} does not support operation {operation}. supported operations:{string.Concat(binding.Binding.Operations.Select(o => " " + o))}");
        // daprd hands the component the JSON serialization of "data" (a JSON string arrives with its quotes).
        var data = root.TryGetProperty("data", out var dataElement) ? JsonValues.Compact(dataElement) : "null"u8.ToArray();

        BindingResponse response;
        try
        {
            response = await binding.Binding.InvokeAsync(new BindingRequest(operation, data, metadata), context.RequestAborted);
        }
        catch (BindingException error)
        {
            throw Error(name, error.Message);
        }
        ApiResponse.MetadataHeaders(context, response.Metadata);
        if (response.Data is null)
        {
            ApiResponse.NoContent(context);
            return;
        }
        await ApiResponse.Json(context, response.Data);
    }

    private static DaprApiError Error(string name, string detail) =>
        new(500, "ERR_INVOKE_OUTPUT_BINDING", $"error invoking output binding {name}: {detail}");
}
