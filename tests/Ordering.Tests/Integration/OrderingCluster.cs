using System.Net.Http.Headers;
using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Contracts.Inventory;
using DaprShop.Dapr;
using DaprShop.Inventory;
using DaprShop.Inventory.Api;
using DaprShop.Ordering.Api;
using DaprShop.ServiceDefaults.Auth;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Ordering.Tests.Integration;

/// <summary>
/// Ordering as Program.cs builds it (the workflow engine's actors included) behind the real local sidecar (SQLite
/// state and actor store, in-memory broker); the real inventory app (StockItem actors) behind its own sidecar; and
/// a <see cref="CartAndPaymentStandIn"/> behind sidecars named cart and payment. Tests call ordering as the gateway
/// does (<see cref="Public"/>) and publish payment outcomes on ordering's sidecar (<see cref="OrderingSidecar"/>).
/// All sidecars register in a private name registry, so no other test run on the machine can place these actors.
/// </summary>
public sealed class OrderingCluster : IAsyncLifetime
{
    /// <summary>Short enough for the timeout test, long enough that a published outcome always arrives first.</summary>
    public static readonly TimeSpan PaymentTimeout = TimeSpan.FromSeconds(15);

    private const string DaprApiToken = "sidecar-token-for-ordering-tests";
    private const string AppApiToken = "app-token-for-ordering-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-ordering-tests-").FullName;
    private readonly SharedResources _shared = new();
    private readonly List<SidecarHost> _sidecars = [];
    private readonly List<LoopbackApp> _apps = [];
    private int _orderingPort;
    private int _orderingDaprPort;
    private LoopbackApp? _ordering;

    public CartAndPaymentStandIn StandIn { get; private set; } = null!;

    public TestAccessTokens Tokens { get; } = new();

    /// <summary>Invokes ordering through the gateway's sidecar: what the gateway does for a public <c>/api/ordering/...</c> request.</summary>
    public HttpClient Public { get; private set; } = null!;

    public DaprClient OrderingSidecar { get; private set; } = null!;

    /// <summary>Inventory's stock actors, through inventory's sidecar.</summary>
    public IActorProxyFactory InventoryActors { get; private set; } = null!;

    public IStockItemActor Stock(string sku) => InventoryActors.CreateActorProxy<IStockItemActor>(new ActorId(sku), IStockItemActor.TypeName);

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("DAPRSHOP_REGISTRY_DIR", Path.Combine(_directory, "registry"));
        var orderingResources = await WriteStoreAndBrokerAsync("ordering");
        var inventoryResources = await WriteStoreAndBrokerAsync("inventory");
        var noResources = Directory.CreateDirectory(Path.Combine(_directory, "no-resources")).FullName;

        StandIn = await CartAndPaymentStandIn.StartAsync();
        var standInPort = StandIn.App.BaseAddress.Port;
        await StartSidecarAsync(AppIds.Cart, standInPort, noResources);
        var brokerOnly = Path.Combine(_directory, "broker-resources");
        await TestComponents.WriteInMemoryPubSubAsync(brokerOnly, ComponentNames.PubSub);
        await StartSidecarAsync(AppIds.Payment, standInPort, brokerOnly);
        var gateway = await StartSidecarAsync(AppIds.Gateway, standInPort, noResources);

        var inventoryDaprPort = FreePort.Next();
        var inventory = await StartAppAsync(inventoryDaprPort, typeof(InventoryApi), builder => builder.Services.AddInventory(), app =>
        {
            app.MapActorsHandlers();
            app.MapInventoryApi();
        });
        var inventorySidecar = await StartSidecarAsync(AppIds.Inventory, inventory.BaseAddress.Port, inventoryResources, inventoryDaprPort);

        _orderingDaprPort = FreePort.Next();
        _orderingPort = FreePort.Next();
        _ordering = await StartOrderingAsync();
        var orderingSidecar = await StartSidecarAsync(AppIds.Ordering, _orderingPort, orderingResources, _orderingDaprPort);

        Public = new HttpClient { BaseAddress = new Uri(gateway.HttpEndpoint, $"v1.0/invoke/{AppIds.Ordering}/method/") };
        Public.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);
        OrderingSidecar = new DaprClientBuilder().UseHttpEndpoint(orderingSidecar.HttpEndpoint.ToString()).UseDaprApiToken(DaprApiToken).Build();
        InventoryActors = new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = inventorySidecar.HttpEndpoint.ToString(), DaprApiToken = DaprApiToken });
    }

    public async Task DisposeAsync()
    {
        Public?.Dispose();
        OrderingSidecar?.Dispose();
        foreach (var sidecar in _sidecars) await sidecar.DisposeAsync();
        foreach (var app in _apps) await app.DisposeAsync();
        if (_ordering is not null) await _ordering.DisposeAsync();
        if (StandIn is not null) await StandIn.DisposeAsync();
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Stops the ordering app (its actors and any work in flight) and starts a fresh one on the same port; its sidecar stays.</summary>
    public async Task RestartOrderingAsync()
    {
        await _ordering!.DisposeAsync();
        _ordering = await StartOrderingAsync();
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string accessToken, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body);
        return request;
    }

    private async Task<string> WriteStoreAndBrokerAsync(string app)
    {
        var resources = Path.Combine(_directory, app + "-resources");
        await TestComponents.WriteActorStateStoreAsync(resources, Path.Combine(_directory, app + ".db"), ComponentNames.StateStore);
        await TestComponents.WriteInMemoryPubSubAsync(resources, ComponentNames.PubSub);
        return resources;
    }

    private Task<LoopbackApp> StartOrderingAsync() =>
        StartAppAsync(_orderingDaprPort, typeof(OrderingApi), builder => builder.Services.AddOrdering(), app =>
        {
            app.MapActorsHandlers();
            app.MapOrderingApi();
        }, _orderingPort);

    /// <summary>An app composed as its Program.cs does, with identity's JWKS replaced by the test key.</summary>
    /// <param name="port">Null for any free port; the ordering app keeps its port across restarts.</param>
    private async Task<LoopbackApp> StartAppAsync(
        int daprHttpPort, Type marker, Action<WebApplicationBuilder> addServices, Action<WebApplication> mapEndpoints, int? port = null)
    {
        var builder = LoopbackApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port ?? 0}",
            ["APP_API_TOKEN"] = AppApiToken,
            ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprHttpPort}",
            ["DAPR_API_TOKEN"] = DaprApiToken,
            ["LOG_LEVEL"] = "Warning",
            [$"{OrderingOptions.SectionName}:{nameof(OrderingOptions.PaymentTimeout)}"] = PaymentTimeout.ToString(),
        }, applicationName: marker.Assembly.GetName().Name);
        builder.AddServiceDefaults();
        addServices(builder);
        builder.Services.AddSingleton<ISigningKeySource>(Tokens);
        var app = builder.Build();
        app.UseServiceDefaults();
        mapEndpoints(app);
        var started = await LoopbackApp.StartAsync(app);
        if (port is null) _apps.Add(started);
        return started;
    }

    private async Task<SidecarHost> StartSidecarAsync(string appId, int appPort, string resourcesPath, int? daprHttpPort = null)
    {
        var sidecar = await TestSidecar.StartAsync(
            appId, appPort, daprHttpPort ?? FreePort.Next(), resourcesPath, _directory, DaprApiToken, AppApiToken, _shared);
        _sidecars.Add(sidecar);
        return sidecar;
    }
}

[CollectionDefinition(Name)]
public sealed class OrderingClusterCollection : ICollectionFixture<OrderingCluster>
{
    public const string Name = "ordering cluster";
}
