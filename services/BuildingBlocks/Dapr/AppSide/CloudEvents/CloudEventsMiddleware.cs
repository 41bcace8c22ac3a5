using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DaprShop.Dapr;

/// <summary>
/// Unwraps structured-mode CloudEvents (<c>application/cloudevents+json</c>, how daprd delivers pub/sub messages)
/// like Dapr.AspNetCore's middleware: the request body becomes the event's <c>data</c> (or decoded
/// <c>data_base64</c>) with <c>datacontenttype</c> as Content-Type, so handlers bind their payload type directly;
/// the envelope stays available through <see cref="ICloudEventFeature"/>. Other requests pass through untouched.
/// </summary>
internal sealed class CloudEventsMiddleware(RequestDelegate next)
{
    private const string CloudEventsMediaType = "application/cloudevents+json";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsStructuredCloudEvent(context.Request, out var encoding))
        {
            await next(context);
            return;
        }

        JsonElement envelope;
        try
        {
            envelope = await ReadEnvelopeAsync(context.Request.Body, encoding, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed CloudEvent", detail: exception.Message).ExecuteAsync(context);
            return;
        }

        if (envelope.ValueKind != JsonValueKind.Object)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed CloudEvent", detail: "A CloudEvent must be a JSON object.").ExecuteAsync(context);
            return;
        }

        var hasData = envelope.TryGetProperty("data", out var data);
        var hasBinaryData = envelope.TryGetProperty("data_base64", out var binaryData);
        if (hasData && hasBinaryData)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed CloudEvent", detail: "A CloudEvent carries either data or data_base64, not both.").ExecuteAsync(context);
            return;
        }

        var dataContentType = DataContentType(envelope, out var dataIsJson);
        byte[] body;
        if (hasBinaryData)
        {
            if (!binaryData.TryGetBytesFromBase64(out var decoded))
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed CloudEvent", detail: "data_base64 is not base64.").ExecuteAsync(context);
                return;
            }

            body = decoded;
        }
        else if (hasData)
        {
            // Text payloads travel as JSON strings (Dapr wraps text/plain that way); JSON payloads as JSON.
            body = data.ValueKind == JsonValueKind.String && !dataIsJson
                ? Encoding.UTF8.GetBytes(data.GetString() ?? "")
                : JsonSerializer.SerializeToUtf8Bytes(data);
        }
        else
        {
            body = [];
        }

        var originalBody = context.Request.Body;
        var originalContentType = context.Request.ContentType;
        var originalContentLength = context.Request.ContentLength;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentType = hasData || hasBinaryData ? dataContentType : null;
        context.Request.ContentLength = body.Length;
        context.Features.Set<ICloudEventFeature>(new CloudEventFeature(CloudEventAttributes.FromEnvelope(envelope)));
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Body = originalBody;
            context.Request.ContentType = originalContentType;
            context.Request.ContentLength = originalContentLength;
        }
    }

    private static async Task<JsonElement> ReadEnvelopeAsync(Stream body, Encoding encoding, CancellationToken cancellationToken)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return await JsonSerializer.DeserializeAsync<JsonElement>(body, cancellationToken: cancellationToken);
        }

        using var reader = new StreamReader(body, encoding);
        return JsonSerializer.Deserialize<JsonElement>(await reader.ReadToEndAsync(cancellationToken));
    }

    /// <summary><c>datacontenttype</c>, defaulting to JSON as the CloudEvents JSON format does; charset dropped since the body is re-encoded as UTF-8.</summary>
    private static string DataContentType(JsonElement envelope, out bool isJson)
    {
        if (envelope.TryGetProperty("datacontenttype", out var declared)
            && declared.ValueKind == JsonValueKind.String
            && MediaTypeHeaderValue.TryParse(declared.GetString(), out var parsed))
        {
            isJson = parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || parsed.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
            parsed.Charset = default;
            return parsed.ToString();
        }

        isJson = true;
        return "application/json";
    }

    private static bool IsStructuredCloudEvent(HttpRequest request, out Encoding encoding)
    {
        encoding = Encoding.UTF8;
        if (request.ContentType is not { } contentType
            || !contentType.StartsWith(CloudEventsMediaType, StringComparison.OrdinalIgnoreCase)
            || !MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(CloudEventsMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        encoding = parsed.Encoding ?? Encoding.UTF8;
        return true;
    }
}
