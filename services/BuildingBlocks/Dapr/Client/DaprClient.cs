using System.Net.Http.Headers;
using System.Text.Json;

namespace DaprShop.Dapr;

/// <summary>
/// Client for this app's Dapr sidecar over the Dapr HTTP API v1.0, shaped like Dapr.Client's <c>DaprClient</c>
/// (same method names and parameter order) so the official package can replace it with mechanical edits.
/// The building blocks live in partial files next to their types: State/, Invocation/, PubSub/, Bindings/,
/// Secrets/, Sidecar/.
/// </summary>
/// <remarks>
/// Thread-safe and meant to be long-lived: register it once with <c>services.AddDaprClient()</c> or build it
/// once with <see cref="DaprClientBuilder"/>. All clients of a process share one connection pool.
/// </remarks>
public sealed partial class DaprClient : IDisposable
{
    private const string JsonMediaType = "application/json";

    private readonly HttpClient _httpClient;
    private readonly string? _apiToken;

    internal DaprClient(HttpClient httpClient, Uri httpEndpoint, string? apiToken, JsonSerializerOptions jsonSerializerOptions)
    {
        _httpClient = httpClient;
        _apiToken = apiToken;
        HttpEndpoint = httpEndpoint;
        JsonSerializerOptions = jsonSerializerOptions;
    }

    /// <summary>Options used for every JSON payload (web defaults, camelCase, unless configured otherwise).</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; }

    /// <summary>Base address of the sidecar's HTTP API.</summary>
    public Uri HttpEndpoint { get; }

    public void Dispose() => _httpClient.Dispose();

    private Uri SidecarUriFor(string path, IEnumerable<KeyValuePair<string, string>>? query = null) =>
        SidecarUri.Build(HttpEndpoint, path, query);

    private ByteArrayContent JsonContentOf<T>(T value) =>
        SidecarTransport.Content(JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions), JsonMediaType);

    /// <summary>Sends a building-block request; a non-success status becomes a <see cref="DaprApiException"/>.</summary>
    private Task<HttpResponseMessage> SendToSidecarAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SidecarTransport.SendAsync(_httpClient, request, cancellationToken);

    private async Task SendToSidecarWithoutResultAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendToSidecarAsync(request, cancellationToken);
    }

    private T? Deserialize<T>(ReadOnlySpan<byte> json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonSerializerOptions);
        }
        catch (JsonException exception)
        {
            throw UnreadableJson<T>(what, exception);
        }
    }

    private T? Deserialize<T>(JsonElement json, string what)
    {
        try
        {
            return json.Deserialize<T>(JsonSerializerOptions);
        }
        catch (JsonException exception)
        {
            throw UnreadableJson<T>(what, exception);
        }
    }

    private static DaprException UnreadableJson<T>(string what, JsonException exception) =>
        new($"{what} could not be read as {typeof(T).Name}: {exception.Message}", exception);
}
