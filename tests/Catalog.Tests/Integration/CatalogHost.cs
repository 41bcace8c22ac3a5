using System.Net.Http.Headers;
using DaprShop.Actors;
using DaprShop.Catalog.Api;
using DaprShop.Dapr;
using DaprShop.ServiceDefaults.Auth;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Catalog.Tests.Integration;

/// <summary>
/// The catalog app, wired as its Program.cs wires it, behind the real local sidecar with SQLite state and in-memory
/// pub/sub, API tokens on in both directions. Tests call it through the sidecar's service invocation, as the gateway
/// does. The state lives in <c>directory</c>, so a second host on the same directory is a restart.
/// </summary>
public sealed class CatalogHost : IAsyncDisposable
{
    private const string DaprApiToken = "sidecar-token-for-catalog-tests";
    private const string AppApiToken = "app-token-for-catalog-tests";

    private readonly SharedResources _shared;
    private readonly LoopbackApp _app;
    private readonly SidecarHost _sidecar;

    private CatalogHost(SharedResources shared, LoopbackApp app, SidecarHost sidecar, string appId)
    {
        _shared = shared;
        _app = app;
        _sidecar = sidecar;
        Client = new HttpClient { BaseAddress = new Uri(sidecar.HttpEndpoint, $"/v1.0/invoke/{appId}/method/") };
        Client.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);
        Dapr = new DaprClientBuilder().UseHttpEndpoint(sidecar.HttpEndpoint.ToString()).UseDaprApiToken(DaprApiToken).Build();
    }

    /// <summary>Calls the app through service invocation; paths are relative (<c>products?q=mug</c>).</summary>
    public HttpClient Client { get; }

    /// <summary>A client of the same sidecar, for publishing events as another app would.</summary>
    public DaprClient Dapr { get; }

    /// <param name="withBroker">False: the sidecar has no pub/sub component, so every publish fails.</param>
    public static async Task<CatalogHost> StartAsync(string directory, TestAccessTokens tokens, bool seed = false, bool withBroker = true)
    {
        var resources = Path.Combine(directory, "resources");
        await TestComponents.WriteActorStateStoreAsync(resources, Path.Combine(directory, "state.db"), "statestore");
        if (withBroker) await TestComponents.WriteInMemoryPubSubAsync(resources);

        // Unique per directory, not "catalog": names resolve through a registry other runs on this machine share. The same
        // for every host on one directory, since the sidecar prefixes state keys with the app id.
        var appId = "catalog-" + Path.GetFileName(directory).ToLowerInvariant();
        var daprHttpPort = FreePort.Next();
        var builder = LoopbackApp.CreateBuilder(
            new Dictionary<string, string?>
            {
                ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprHttpPort}",
                ["DAPR_API_TOKEN"] = DaprApiToken,
                ["APP_API_TOKEN"] = AppApiToken,
                ["LOG_LEVEL"] = "Warning",
                ["Seed:Enabled"] = seed ? "true" : "false",
                // Short, so a test can watch a change made by "another replica" arrive without an event.
                [Startup.SearchIndexLoader.ResyncIntervalSetting] = "00:00:01",
            },
            applicationName: typeof(CatalogApi).Assembly.GetName().Name);
        builder.AddServiceDefaults();
        builder.Services.AddCatalog();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISigningKeySource>(tokens));
        // Short, so a test can watch the outbox's reminder publish what a broker that was down could not take.
        builder.Services.Configure<OutboxOptions>(outbox => outbox.RetryInterval = TimeSpan.FromSeconds(1));
        var web = builder.Build();
        web.UseServiceDefaults();
        web.MapActorsHandlers();
        web.MapCatalogApi();
        var app = await LoopbackApp.StartAsync(web);

        var shared = new SharedResources();
        var sidecar = await TestSidecar.StartAsync(appId, app.BaseAddress.Port, daprHttpPort, resources, directory, DaprApiToken, AppApiToken, shared);
        var host = new CatalogHost(shared, app, sidecar, appId);
        await host.WaitUntilReadyAsync();
        return host;
    }

    public static HttpRequestMessage As(string? accessToken, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Dapr.Dispose();
        await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        await _shared.DisposeAsync();
    }

    /// <summary><c>/readyz</c> holds off until the search index is built (seeding included), so tests wait on it.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await _app.Client.GetAsync("/readyz")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("catalog did not become ready");
            await Task.Delay(100);
        }
    }
}
