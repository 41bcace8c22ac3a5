namespace DaprShop.Dapr;

/// <summary>One operation of <see cref="DaprClient.ExecuteStateTransactionAsync"/>.</summary>
/// <param name="value">
/// The value as UTF-8 JSON, e.g. <c>JsonSerializer.SerializeToUtf8Bytes(order, client.JsonSerializerOptions)</c>.
/// The HTTP API carries values as JSON, so (unlike the gRPC-based SDK) arbitrary bytes are rejected. Ignored for deletes.
/// </param>
public sealed class StateTransactionRequest(
    string key,
    byte[]? value,
    StateOperationType operationType,
    string? etag = null,
    IReadOnlyDictionary<string, string>? metadata = null,
    StateOptions? options = null)
{
    public string Key { get; } = key ?? throw new ArgumentNullException(nameof(key));

    public byte[]? Value { get; set; } = value;

    public StateOperationType OperationType { get; set; } = operationType;

    public string? ETag { get; set; } = etag;

    public IReadOnlyDictionary<string, string>? Metadata { get; set; } = metadata;

    public StateOptions? Options { get; set; } = options;
}
