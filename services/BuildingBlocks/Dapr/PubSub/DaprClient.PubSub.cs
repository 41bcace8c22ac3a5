namespace DaprShop.Dapr;

public sealed partial class DaprClient
{
    /// <summary>Publishes <paramref name="data"/> as JSON; the sidecar wraps it in a CloudEvent with <c>datacontenttype: application/json</c>.</summary>
    public Task PublishEventAsync<TData>(string pubsubName, string topicName, TData data, CancellationToken cancellationToken = default) =>
        PublishEventAsync(pubsubName, topicName, data, [], cancellationToken);

    /// <param name="metadata">Publish metadata, e.g. <c>ttlInSeconds</c>, <c>rawPayload</c>, <c>cloudevent.id</c>.</param>
    public Task PublishEventAsync<TData>(
        string pubsubName, string topicName, TData data, Dictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
        PublishCoreAsync(pubsubName, topicName, JsonContentOf(data), metadata, cancellationToken);

    /// <summary>Publishes an event without data.</summary>
    public Task PublishEventAsync(string pubsubName, string topicName, CancellationToken cancellationToken = default) =>
        PublishEventAsync(pubsubName, topicName, [], cancellationToken);

    public Task PublishEventAsync(
        string pubsubName, string topicName, Dictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
        PublishCoreAsync(pubsubName, topicName, content: null, metadata, cancellationToken);

    /// <summary>
    /// Publishes raw bytes with their content type: <c>application/octet-stream</c> ends up in <c>data_base64</c>,
    /// text types as a string in <c>data</c>, and <c>application/cloudevents+json</c> is taken as the whole envelope.
    /// </summary>
    public Task PublishByteEventAsync(
        string pubsubName,
        string topicName,
        ReadOnlyMemory<byte> data,
        string dataContentType = JsonMediaType,
        Dictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default) =>
        PublishCoreAsync(pubsubName, topicName, SidecarTransport.Content(data.ToArray(), dataContentType), metadata, cancellationToken);

    private Task PublishCoreAsync(
        string pubsubName, string topicName, HttpContent? content, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pubsubName);
        ArgumentException.ThrowIfNullOrEmpty(topicName);

        var uri = SidecarUriFor(
            $"/v1.0/publish/{SidecarUri.Segment(pubsubName)}/{SidecarUri.SlashedPath(topicName)}", SidecarUri.Metadata(metadata));
        return SendToSidecarWithoutResultAsync(new HttpRequestMessage(HttpMethod.Post, uri) { Content = content }, cancellationToken);
    }
}
