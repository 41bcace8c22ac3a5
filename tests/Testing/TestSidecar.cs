using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Testing;

/// <summary>Starts the real local sidecar in front of an app, with API tokens on in both directions, and waits until it is ready.</summary>
public static class TestSidecar
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    public static async Task<SidecarHost> StartAsync(
        string appId, int appPort, int daprHttpPort, string resourcesPath, string workingDirectory,
        string daprApiToken, string appApiToken, SharedResources shared)
    {
        var sidecar = await SidecarHost.StartAsync(
            new SidecarOptions
            {
                AppId = appId,
                AppPort = appPort,
                DaprHttpPort = daprHttpPort,
                DaprInternalPort = 0,
                ResourcesPaths = [resourcesPath],
                WorkingDirectory = workingDirectory,
                ApiToken = daprApiToken,
                AppApiToken = appApiToken,
            },
            shared,
            NullLoggerFactory.Instance,
            CancellationToken.None);
        using var startup = new CancellationTokenSource(StartupTimeout);
        await sidecar.WaitUntilReadyAsync(startup.Token);
        return sidecar;
    }
}
