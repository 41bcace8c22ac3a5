using DaprShop.Sidecar.Components;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Runtime;

/// <summary>
/// One running sidecar: the Dapr HTTP API for one app id. Used by the single-sidecar CLI (daprd flags), by the
/// multi-app runner (many hosts in one process sharing <see cref="SharedResources"/>) and by tests.
/// </summary>
public sealed class SidecarHost : IAsyncDisposable
{
    /// <summary>
    /// Loads resources, starts serving the HTTP API and returns; the rest of daprd's start-up (wait for the app port,
    /// /dapr/config, subscriptions, input bindings) continues in the background. Await <see cref="WaitUntilReadyAsync"/>
    /// for it. Throws <see cref="SidecarStartException"/> when a resource cannot be loaded.
    /// </summary>
    public static Task<SidecarHost> StartAsync(
        SidecarOptions options, SharedResources shared, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        throw new NotImplementedException("implemented in the runtime commit");

    public string AppId => throw new NotImplementedException();

    /// <summary>Base address of the Dapr HTTP API, e.g. http://127.0.0.1:3500.</summary>
    public Uri HttpEndpoint => throw new NotImplementedException();

    public int HttpPort => throw new NotImplementedException();

    public int InternalPort => throw new NotImplementedException();

    /// <summary>Completes when GET /v1.0/healthz would answer 204 (app reachable, subscriptions started).</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Completes when a client asked for shutdown (POST /v1.0/shutdown).</summary>
    public Task ShutdownRequested => throw new NotImplementedException();

    public ValueTask DisposeAsync() => throw new NotImplementedException();
}

public sealed class SidecarStartException(string message, Exception? inner = null) : Exception(message, inner);
