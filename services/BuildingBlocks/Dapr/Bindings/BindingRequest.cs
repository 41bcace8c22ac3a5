namespace DaprShop.Dapr;

/// <summary>A raw output-binding call (as in Dapr.Client).</summary>
public sealed class BindingRequest(string bindingName, string operation)
{
    public string BindingName { get; } = bindingName;

    public string Operation { get; } = operation;

    /// <summary>
    /// The payload. The HTTP API carries it inside a JSON document, so UTF-8 JSON is sent as that JSON value and
    /// anything else as a JSON string of its UTF-8 text (the sidecar hands the component the JSON encoding of it).
    /// </summary>
    public ReadOnlyMemory<byte> Data { get; set; }

    public Dictionary<string, string> Metadata { get; } = [];
}
