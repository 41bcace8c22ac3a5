using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;
using DaprShop.Testing;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>
/// Health before/after the app is up, shutdown, and a sidecar without components — reference §8.2, §12 and the
/// "not configured" errors of §0.3/§5.1. Each test owns its sidecar (the scenarios need a fresh or doomed one).
/// </summary>
public sealed class LifecycleConformanceTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("lifecycle");
    private readonly SharedResources _shared = new();

    private SidecarOptions Options(string appId, int? appPort = null) => new()
    {
        AppId = appId,
        AppPort = appPort,
        ResourcesPaths = [_directory.Sub("empty-resources")],
    };

    [Fact]
    public async Task Healthz_BeforeTheAppPortOpens_Returns500NotReady_ThenAfter204()
    {
        // §8.2/§12: healthz is 204 only once the app channel is ready; the sidecar is started BEFORE the app here.
        var appPort = FreePort.Next();
        await using var sidecar = await SidecarUnderTest.StartAsync(Options("conf-early", appPort), _shared);

        DaprAssert.Error(await sidecar.GetAsync("/v1.0/healthz"), 500, "ERR_HEALTH_NOT_READY");

        await using var app = await RecordingApp.StartAsync("late-app", port: appPort);
        await Poll.UntilAsync(() => sidecar.GetAsync("/v1.0/healthz"), r => r.Status == 204, "healthz to turn 204 once the app listens");
        DaprAssert.NoContent(await sidecar.GetAsync("/v1.0/healthz"));
        await sidecar.WaitUntilReadyAsync();
    }

    [Fact]
    public async Task HealthzOutbound_Returns204BeforeTheAppIsUp()
    {
        // §8.2: outbound health does not wait for the app (what SDKs poll before the app starts listening).
        var appPort = FreePort.Next();
        await using var sidecar = await SidecarUnderTest.StartAsync(Options("conf-outbound", appPort), _shared);

        await Poll.UntilAsync(() => sidecar.GetAsync("/v1.0/healthz/outbound"), r => r.Status == 204, "outbound health");
        DaprAssert.Error(await sidecar.GetAsync("/v1.0/healthz"), 500, "ERR_HEALTH_NOT_READY");
    }

    [Fact]
    public async Task Shutdown_Returns204AndRequestsShutdown()
    {
        await using var sidecar = await SidecarUnderTest.StartAsync(Options("conf-shutdown"), _shared);
        await sidecar.WaitUntilReadyAsync();
        Assert.False(sidecar.Host.ShutdownRequested.IsCompleted);

        DaprAssert.NoContent(await sidecar.SendAsync(HttpMethod.Post, "/v1.0/shutdown"));

        await sidecar.Host.ShutdownRequested.WaitAsync(Poll.DefaultTimeout);
    }

    [Fact]
    public async Task Secrets_NoSecretStores_Returns500SecretStoresNotConfigured()
    {
        await using var sidecar = await SidecarUnderTest.StartAsync(Options("conf-bare"), _shared);

        DaprAssert.Error(await sidecar.GetAsync("/v1.0/secrets/any/x"), 500, "ERR_SECRET_STORES_NOT_CONFIGURED");
        DaprAssert.Error(await sidecar.GetAsync("/v1.0/secrets/any/bulk"), 500, "ERR_SECRET_STORES_NOT_CONFIGURED");
    }

    [Fact]
    public async Task State_NoStateStores_Returns500StateStoreNotConfigured()
    {
        await using var sidecar = await SidecarUnderTest.StartAsync(Options("conf-bare-state"), _shared);

        DaprAssert.Error(await sidecar.GetAsync("/v1.0/state/any/x"), 500, "ERR_STATE_STORE_NOT_CONFIGURED");
    }

    [Fact]
    public async Task Metadata_NoAppNoComponents_StillAnswersWithIdAndRuntimeVersion()
    {
        await using var sidecar = await SidecarUnderTest.StartAsync(Options("conf-bare-meta"), _shared);

        var metadata = DaprAssert.Json(await sidecar.GetAsync("/v1.0/metadata"));
        Assert.Equal("conf-bare-meta", DaprAssert.String(metadata, "id"));
        Assert.False(string.IsNullOrEmpty(DaprAssert.String(metadata.GetProperty("extended"), "daprRuntimeVersion")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _shared.DisposeAsync();
        _directory.Dispose();
    }
}
