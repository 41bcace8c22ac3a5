using System.Net.Sockets;

namespace DaprShop.Sidecar.Runtime;

/// <summary>
/// The sidecar's connection to its app. Every call carries <c>dapr-api-token</c> when APP_API_TOKEN is set, as
/// daprd's http_channel does.
/// </summary>
public sealed class AppChannel(SidecarOptions options, HttpMessageInvoker http)
{
    public const string ApiTokenHeader = "dapr-api-token";

    public Uri BaseAddress { get; } = new($"{options.AppProtocol}://{options.AppChannelAddress}:{options.AppPort}");

    public Uri UriFor(string pathAndQuery) => new(BaseAddress, pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative) request.RequestUri = UriFor(relative.OriginalString);
        if (options.AppApiToken is { Length: > 0 } token)
        {
            request.Headers.Remove(ApiTokenHeader);
            request.Headers.TryAddWithoutValidation(ApiTokenHeader, token);
        }
        return http.SendAsync(request, cancellationToken);
    }

    /// <summary>Blocks until the app port accepts TCP connections: 500 ms dial timeout, 100 ms between tries, like daprd.</summary>
    public async Task WaitForPortAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = new TcpClient();
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                await client.ConnectAsync(options.AppChannelAddress, options.AppPort!.Value, attempt.Token);
                return;
            }
            catch (Exception error) when (error is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
