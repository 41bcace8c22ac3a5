using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Actors;
using DaprShop.Contracts.Inventory;
using DaprShop.Inventory.Api;
using DaprShop.Inventory.Domain;
using DaprShop.ServiceDefaults.Auth;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Inventory.Tests.Integration;

/// <summary>
/// Inventory composed as its Program.cs does (seed on), behind the real local sidecar with actor state in SQLite and an
/// in-memory broker, API tokens on in both directions; plus a <see cref="StockChangeWatcher"/> app behind a second
/// sidecar on the same broker. Access tokens come from <see cref="TestAccessTokens"/> in place of identity's JWKS.
/// </summary>
public sealed class InventoryApp : IAsyncLifetime
{
    private const string DaprApiToken = "inventory-tests-dapr-token";
    private const string AppApiToken = "inventory-tests-app-token";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-inventory-tests-").FullName;
    private readonly SharedResources _shared = new();
    private LoopbackApp _app = null!;
    private SidecarHost _sidecar = null!;
    private SidecarHost _watcherSidecar = null!;
    private HttpClient _sidecarClient = null!;

    public TestAccessTokens Tokens { get; } = new();

    /// <summary>Calls inventory's HTTP API directly, as the gateway's sidecar would.</summary>
    public HttpClient Http { get; private set; } = null!;

    public StockChangeWatcher Watcher { get; private set; } = null!;

    public IActorProxyFactory Actors { get; private set; } = null!;

    public IStockItemActor Sku(string sku) => Actors.CreateActorProxy<IStockItemActor>(new ActorId(sku), IStockItemActor.TypeName);

    private string ResourcesPath => Path.Combine(_directory, "resources");

    public HttpRequestMessage Request(HttpMethod method, string path, string? bearer = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    public async Task InitializeAsync()
    {
        await TestComponents.WriteActorStateStoreAsync(ResourcesPath, Path.Combine(_directory, "actors.db"), "statestore");
        var watcherResources = Path.Combine(_directory, "watcher-resources");
        await TestComponents.WriteInMemoryPubSubAsync(ResourcesPath);
        await TestComponents.WriteInMemoryPubSubAsync(watcherResources);

        var daprHttpPort = FreePort.Next();
        _sidecarClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{daprHttpPort}") };
        _sidecarClient.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);

        // The subscriber first, so its subscription exists before inventory publishes anything.
        Watcher = await StockChangeWatcher.StartAsync(ReadSavedStateAsync);
        _watcherSidecar = await TestSidecar.StartAsync(
            "stock-watcher", Watcher.Port, FreePort.Next(), watcherResources, Path.Combine(_directory, "watcher"), DaprApiToken, AppApiToken, _shared);

        await StartInventoryAsync();
        Actors = new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = _sidecar.HttpEndpoint.ToString(), DaprApiToken = DaprApiToken });
    }

    /// <summary>Stops inventory and its sidecar and starts both again on the same store, as after a crash or a deploy.</summary>
    /// <param name="withBroker">False starts inventory's sidecar without its pub/sub component, so every publish fails.</param>
    public async Task RestartAsync(bool withBroker = true)
    {
        await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        if (withBroker) await TestComponents.WriteInMemoryPubSubAsync(ResourcesPath);
        else File.Delete(Path.Combine(ResourcesPath, "pubsub.yaml"));
        await StartInventoryAsync();
    }

    /// <summary>The SKU actor's saved state, read from the store through inventory's sidecar.</summary>
    public Task<StockItemState?> ReadSavedStateAsync(string sku) =>
        _sidecarClient.GetFromJsonAsync<StockItemState>($"/v1.0/actors/{IStockItemActor.TypeName}/{sku}/state/{StockItemState.StateKey}", JsonSerializerOptions.Web);

    public async Task DisposeAsync()
    {
        await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        await _watcherSidecar.DisposeAsync();
        await Watcher.DisposeAsync();
        await _shared.DisposeAsync();
        _sidecarClient.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartInventoryAsync()
    {
        var builder = LoopbackApp.CreateBuilder(
            new Dictionary<string, string?>
            {
                ["DAPR_HTTP_ENDPOINT"] = _sidecarClient.BaseAddress!.ToString().TrimEnd('/'),
                ["DAPR_API_TOKEN"] = DaprApiToken,
                ["APP_API_TOKEN"] = AppApiToken,
                ["APP_ID"] = "inventory",
                ["LOG_LEVEL"] = "Warning",
                ["Seed:Enabled"] = "true",
            },
            applicationName: typeof(InventoryApi).Assembly.GetName().Name);
        builder.AddServiceDefaults();
        builder.Services.AddInventory();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISigningKeySource>(Tokens));
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapActorsHandlers();
        app.MapInventoryApi();
        _app = await LoopbackApp.StartAsync(app);
        Http = _app.Client;
        Http.DefaultRequestHeaders.Add("dapr-api-token", AppApiToken);

        _sidecar = await TestSidecar.StartAsync(
            "inventory", _app.BaseAddress.Port, _sidecarClient.BaseAddress!.Port, ResourcesPath, _directory, DaprApiToken, AppApiToken, _shared);
    }
}

[CollectionDefinition(Name)]
public sealed class InventoryAppCollection : ICollectionFixture<InventoryApp>
{
    public const string Name = "inventory app";
}
