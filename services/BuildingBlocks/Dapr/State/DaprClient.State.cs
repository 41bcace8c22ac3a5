using System.Net;
using System.Text.Json;

namespace DaprShop.Dapr;

public sealed partial class DaprClient
{
    /// <summary>Reads a key; returns default when the key does not exist (the sidecar answers 204).</summary>
    public async Task<TValue?> GetStateAsync<TValue>(
        string storeName,
        string key,
        ConsistencyMode? consistencyMode = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var (value, _) = await GetStateAndETagAsync<TValue>(storeName, key, consistencyMode, metadata, cancellationToken);
        return value;
    }

    /// <summary>Reads a key and its ETag; (default, "") when the key does not exist.</summary>
    public async Task<(TValue? value, string etag)> GetStateAndETagAsync<TValue>(
        string storeName,
        string key,
        ConsistencyMode? consistencyMode = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeName);
        ArgumentException.ThrowIfNullOrEmpty(key);

        var uri = SidecarUriFor(
            $"/v1.0/state/{SidecarUri.Segment(storeName)}/{SidecarUri.Segment(key)}",
            StateWireFormat.Query(consistencyMode).Concat(SidecarUri.Metadata(metadata)));
        using var response = await SendToSidecarAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent) return (default, "");

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        // Dapr ETags are bare ("3", a UUID), not the quoted form HttpHeaders.ETag insists on.
        var etag = response.Headers.NonValidated.TryGetValues("ETag", out var values) ? values.ToString() : "";
        return (body.Length == 0 ? default : Deserialize<TValue>(body, $"state '{key}'"), etag);
    }

    /// <summary>Reads many keys in one call; values are the stored JSON text.</summary>
    /// <param name="parallelism">How many store reads the sidecar may run at once; null leaves the sidecar's default.</param>
    public async Task<IReadOnlyList<BulkStateItem>> GetBulkStateAsync(
        string storeName,
        IReadOnlyList<string> keys,
        int? parallelism,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var items = await GetBulkStateCoreAsync(storeName, keys, parallelism, metadata, cancellationToken);
        return items.Select(item => new BulkStateItem(item.Key, item.Data?.GetRawText() ?? "", item.ETag, item.Error)).ToArray();
    }

    /// <summary>Reads many keys in one call and deserializes each value; missing keys come back with a default value.</summary>
    public async Task<IReadOnlyList<BulkStateItem<TValue>>> GetBulkStateAsync<TValue>(
        string storeName,
        IReadOnlyList<string> keys,
        int? parallelism,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var items = await GetBulkStateCoreAsync(storeName, keys, parallelism, metadata, cancellationToken);
        return items
            .Select(item => new BulkStateItem<TValue>(
                item.Key,
                item.Data is { } data ? Deserialize<TValue>(data, $"state '{item.Key}'") : default,
                item.ETag,
                item.Error))
            .ToArray();
    }

    /// <summary>Saves a value (last-write unless <paramref name="stateOptions"/> says otherwise).</summary>
    /// <param name="metadata">Store metadata such as <c>ttlInSeconds</c>.</param>
    /// <exception cref="DaprApiException">Also raised with <see cref="DaprApiException.IsETagMismatch"/> when first-write finds the key already present.</exception>
    public Task SaveStateAsync<TValue>(
        string storeName,
        string key,
        TValue value,
        StateOptions? stateOptions = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default) =>
        SendToSidecarWithoutResultAsync(CreateSaveRequest(storeName, key, value, etag: null, stateOptions, metadata), cancellationToken);

    /// <summary>
    /// Saves a value only if the stored ETag still equals <paramref name="etag"/>. Returns false on an ETag mismatch
    /// (409); other failures, including a malformed ETag (400), throw <see cref="DaprApiException"/>.
    /// </summary>
    public async Task<bool> TrySaveStateAsync<TValue>(
        string storeName,
        string key,
        TValue value,
        string etag,
        StateOptions? stateOptions = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(etag);
        return await SucceedsUnlessETagMismatchAsync(CreateSaveRequest(storeName, key, value, etag, stateOptions, metadata), cancellationToken);
    }

    public Task DeleteStateAsync(
        string storeName,
        string key,
        StateOptions? stateOptions = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default) =>
        SendToSidecarWithoutResultAsync(CreateDeleteRequest(storeName, key, etag: null, stateOptions, metadata), cancellationToken);

    /// <summary>Deletes a key only if its ETag still equals <paramref name="etag"/> (sent as If-Match); false on mismatch (409).</summary>
    public async Task<bool> TryDeleteStateAsync(
        string storeName,
        string key,
        string etag,
        StateOptions? stateOptions = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(etag);
        return await SucceedsUnlessETagMismatchAsync(CreateDeleteRequest(storeName, key, etag, stateOptions, metadata), cancellationToken);
    }

    private async Task<bool> SucceedsUnlessETagMismatchAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            await SendToSidecarWithoutResultAsync(request, cancellationToken);
            return true;
        }
        catch (DaprApiException exception) when (exception.IsETagMismatch)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies upserts and deletes all-or-nothing. An ETag mismatch inside a transaction is reported by daprd as
    /// 500 <c>ERR_STATE_TRANSACTION</c> (there is no 409 mapping here), so it surfaces as a <see cref="DaprApiException"/>
    /// with that error code and <see cref="DaprApiException.IsETagMismatch"/> false; re-read and retry on it.
    /// </summary>
    public Task ExecuteStateTransactionAsync(
        string storeName,
        IReadOnlyList<StateTransactionRequest> operations,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeName);
        ArgumentNullException.ThrowIfNull(operations);

        var body = WireJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("operations");
            foreach (var operation in operations)
            {
                writer.WriteStartObject();
                writer.WriteString("operation", operation.OperationType == StateOperationType.Upsert ? "upsert" : "delete");
                writer.WritePropertyName("request");
                if (operation.OperationType == StateOperationType.Upsert)
                {
                    StateWireFormat.WriteItem(writer, operation.Key, valueWriter => WriteRawJsonValue(valueWriter, operation), operation.ETag, operation.Options, operation.Metadata);
                }
                else
                {
                    StateWireFormat.WriteItem(writer, operation.Key, writeValue: null, operation.ETag, operation.Options, operation.Metadata);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WireJson.WriteMetadata(writer, metadata);
            writer.WriteEndObject();
        });

        var request = new HttpRequestMessage(HttpMethod.Post, SidecarUriFor($"/v1.0/state/{SidecarUri.Segment(storeName)}/transaction"))
        {
            Content = SidecarTransport.Content(body, JsonMediaType),
        };
        return SendToSidecarWithoutResultAsync(request, cancellationToken);
    }

    private static void WriteRawJsonValue(Utf8JsonWriter writer, StateTransactionRequest operation)
    {
        if (operation.Value is not { Length: > 0 } value)
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            writer.WriteRawValue(value);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The value of transaction operation '{operation.Key}' is not UTF-8 JSON.", nameof(operation), exception);
        }
    }

    private HttpRequestMessage CreateSaveRequest<TValue>(
        string storeName, string key, TValue value, string? etag, StateOptions? stateOptions, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeName);
        ArgumentException.ThrowIfNullOrEmpty(key);

        var body = WireJson.Write(writer =>
        {
            writer.WriteStartArray();
            StateWireFormat.WriteItem(writer, key, valueWriter => JsonSerializer.Serialize(valueWriter, value, JsonSerializerOptions), etag, stateOptions, metadata);
            writer.WriteEndArray();
        });

        return new HttpRequestMessage(HttpMethod.Post, SidecarUriFor($"/v1.0/state/{SidecarUri.Segment(storeName)}"))
        {
            Content = SidecarTransport.Content(body, JsonMediaType),
        };
    }

    private HttpRequestMessage CreateDeleteRequest(
        string storeName, string key, string? etag, StateOptions? stateOptions, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeName);
        ArgumentException.ThrowIfNullOrEmpty(key);

        var uri = SidecarUriFor(
            $"/v1.0/state/{SidecarUri.Segment(storeName)}/{SidecarUri.Segment(key)}",
            StateWireFormat.Query(stateOptions?.Consistency, stateOptions?.Concurrency).Concat(SidecarUri.Metadata(metadata)));
        var request = new HttpRequestMessage(HttpMethod.Delete, uri);
        // Bare Dapr ETags are not valid entity-tags for HttpHeaders.IfMatch, hence no validation.
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private async Task<IReadOnlyList<(string Key, JsonElement? Data, string ETag, string? Error)>> GetBulkStateCoreAsync(
        string storeName, IReadOnlyList<string> keys, int? parallelism, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeName);
        ArgumentNullException.ThrowIfNull(keys);

        var body = WireJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys) writer.WriteStringValue(key);
            writer.WriteEndArray();
            if (parallelism is { } degree) writer.WriteNumber("parallelism", degree);
            WireJson.WriteMetadata(writer, metadata);
            writer.WriteEndObject();
        });

        var request = new HttpRequestMessage(HttpMethod.Post, SidecarUriFor($"/v1.0/state/{SidecarUri.Segment(storeName)}/bulk"))
        {
            Content = SidecarTransport.Content(body, JsonMediaType),
        };
        using var response = await SendToSidecarAsync(request, cancellationToken);
        return StateWireFormat.ReadBulkGetResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }
}
