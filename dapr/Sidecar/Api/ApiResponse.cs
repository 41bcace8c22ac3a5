using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Sidecar.Api;

public static class ApiResponse
{
    /// <summary>Like Go's encoder, leaves apostrophes and non-ASCII text readable.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task Error(HttpContext context, DaprApiError error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(error.Error, JsonOptions), context.RequestAborted).AsTask();
    }

    public static void NoContent(HttpContext context) => context.Response.StatusCode = StatusCodes.Status204NoContent;

    public static Task Json(HttpContext context, byte[] json, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    /// <summary>Component response metadata becomes <c>metadata.&lt;key&gt;</c> headers.</summary>
    public static void MetadataHeaders(HttpContext context, IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (key, value) in metadata) context.Response.Headers["metadata." + key] = value;
    }
}
