namespace DaprShop.Dapr;

/// <summary>What an output binding returned: its bytes (empty when it returned nothing) and response metadata.</summary>
public sealed class BindingResponse(BindingRequest request, ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, string> metadata)
{
    public BindingRequest Request { get; } = request;

    public ReadOnlyMemory<byte> Data { get; } = data;

    /// <summary>The component's response metadata, sent by the sidecar as <c>metadata.*</c> headers.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;
}
