using System.Text;
using System.Text.Json;

namespace DaprShop.Dapr;

public sealed partial class DaprClient
{
    /// <summary>Invokes an output binding with <paramref name="data"/> as the JSON <c>data</c> field.</summary>
    public async Task InvokeBindingAsync<TRequest>(
        string bindingName,
        string operation,
        TRequest data,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        using var response = await SendBindingAsync(bindingName, operation, writer => JsonSerializer.Serialize(writer, data, JsonSerializerOptions), metadata, cancellationToken);
    }

    /// <summary>Invokes an output binding and reads its response as JSON; default when it returned nothing.</summary>
    public async Task<TResponse?> InvokeBindingAsync<TRequest, TResponse>(
        string bindingName,
        string operation,
        TRequest data,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        using var response = await SendBindingAsync(bindingName, operation, writer => JsonSerializer.Serialize(writer, data, JsonSerializerOptions), metadata, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return body.Length == 0 ? default : Deserialize<TResponse>(body, $"response of binding '{bindingName}'");
    }

    /// <summary>Invokes an output binding with raw bytes and returns its raw response and response metadata.</summary>
    public async Task<BindingResponse> InvokeBindingAsync(BindingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        using var response = await SendBindingAsync(request.BindingName, request.Operation, writer => WriteBindingData(writer, request.Data), request.Metadata, cancellationToken);
        return new BindingResponse(request, await response.Content.ReadAsByteArrayAsync(cancellationToken), SidecarUri.MetadataFromHeaders(response));
    }

    private static void WriteBindingData(Utf8JsonWriter writer, ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else if (IsJson(data.Span))
        {
            writer.WriteRawValue(data.Span, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(data.Span));
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private Task<HttpResponseMessage> SendBindingAsync(
        string bindingName,
        string operation,
        Action<Utf8JsonWriter> writeData,
        IReadOnlyDictionary<string, string>? metadata,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bindingName);
        ArgumentException.ThrowIfNullOrEmpty(operation);

        var body = WireJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writeData(writer);
            WireJson.WriteMetadata(writer, metadata);
            writer.WriteString("operation", operation);
            writer.WriteEndObject();
        });
        var request = new HttpRequestMessage(HttpMethod.Post, SidecarUriFor($"/v1.0/bindings/{SidecarUri.Segment(bindingName)}"))
        {
            Content = SidecarTransport.Content(body, JsonMediaType),
        };
        return SendToSidecarAsync(request, cancellationToken);
    }
}
