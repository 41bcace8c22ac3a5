using System.Net.Http.Headers;
using DaprShop.Dapr;

namespace DaprShop.Actors;

/// <summary>
/// The sidecar's actor API (<c>/v1.0/actors/...</c>): method invocation, state, reminders and timers. Shares the
/// process-wide pooled sidecar transport of DaprShop.Dapr, so it sends <c>dapr-api-token</c> and the trace context
/// like every other sidecar call. Thread-safe; one per process.
/// </summary>
internal sealed partial class ActorSidecarClient(Uri httpEndpoint, string? apiToken, TimeSpan timeout) : IActorStateProvider, IDisposable
{
    private const string JsonMediaType = "application/json";

    private readonly HttpClient _httpClient = SidecarTransport.CreateClient(apiToken, timeout);

    public void Dispose() => _httpClient.Dispose();

    /// <summary>PUTs a method call; the response is returned as is because its status and body belong to the actor.</summary>
    public async Task<HttpResponseMessage> InvokeActorMethodAsync(
        string actorType, string actorId, string methodName, byte[]? jsonBody, string? reentrancyId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, ActorUri(actorType, actorId, $"method/{SidecarUri.Segment(methodName)}"));
        if (jsonBody is not null) request.Content = JsonContent(jsonBody);
        if (reentrancyId is not null) request.Headers.TryAddWithoutValidation(ActorReentrancyContext.HeaderName, reentrancyId);
        return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private Uri ActorUri(string actorType, string actorId, string rest) =>
        SidecarUri.Build(httpEndpoint, $"/v1.0/actors/{SidecarUri.Segment(actorType)}/{SidecarUri.Segment(actorId)}/{rest}");

    private static ByteArrayContent JsonContent(byte[] json) => SidecarTransport.Content(json, JsonMediaType);

    /// <summary>Sends a request whose failure is the sidecar's: a non-success status becomes a <see cref="DaprApiException"/>.</summary>
    private Task<HttpResponseMessage> SendToSidecarAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SidecarTransport.SendAsync(_httpClient, request, cancellationToken);
}
