using System.Net.Http.Headers;
using DaprShop.Actors;
using DaprShop.Cart.Api;
using DaprShop.Cart.Events;
using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Dapr;
using DaprShop.ServiceDefaults.Auth;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Cart.Tests.Infrastructure;

/// <summary>
/// The cart app as Program.cs builds it, behind the real local sidecar (SQLite actor state store, in-memory pubsub),
/// and a <see cref="CatalogueStandIn"/> behind sidecars named catalog and inventory. Tests call cart as the public
/// does, through a sidecar named gateway (<see cref="Public"/>), and as identity does (<see cref="Identity"/>).
/// All sidecars register in a private name registry, so no other test run on the machine can place cart actors.
/// </summary>
public class CartCluster : IAsyncLifetime
{
    private const string DaprApiToken = "sidecar-token-for-cart-tests";
    private const string AppApiToken = "app-token-for-cart-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-cart-tests-").FullName;
    private readonly SharedResources _shared = new();
    private readonly List<SidecarHost> _sidecars = [];
    private LoopbackApp? _cart;

    public CatalogueStandIn Catalogue { get; private set; } = null!;

    public TestAccessTokens Tokens { get; } = new();

    /// <summary>Invokes cart through the gateway's sidecar: what the gateway does for a public <c>/api/cart/...</c> request.</summary>
    public HttpClient Public { get; private set; } = null!;

    /// <summary>Invokes cart through identity's sidecar.</summary>
    public HttpClient Identity { get; private set; } = null!;

    /// <summary>The cart app's own sidecar, for publishing events to it.</summary>
    public DaprClient CartSidecar { get; private set; } = null!;

    /// <summary>Idle timeouts the cart app runs with; long enough by default that nothing expires during a test.</summary>
    protected virtual TimeSpan IdleTimeout => TimeSpan.FromHours(1);

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("DAPRSHOP_REGISTRY_DIR", Path.Combine(_directory, "registry"));
        var cartResources = Path.Combine(_directory, "cart-resources");
        await TestComponents.WriteActorStateStoreAsync(cartResources, Path.Combine(_directory, "cart.db"), ComponentNames.StateStore);
        await TestComponents.WriteInMemoryPubSubAsync(cartResources, ComponentNames.PubSub);
        var noResources = Directory.CreateDirectory(Path.Combine(_directory, "no-resources")).FullName;

        Catalogue = await CatalogueStandIn.StartAsync();
        var standInPort = Catalogue.App.BaseAddress.Port;
        await StartSidecarAsync(AppIds.Catalog, standInPort, noResources);
        await StartSidecarAsync(AppIds.Inventory, standInPort, noResources);
        var identity = await StartSidecarAsync(AppIds.Identity, standInPort, noResources);
        var gateway = await StartSidecarAsync(AppIds.Gateway, standInPort, noResources);

        var cartDaprPort = FreePort.Next();
        _cart = await StartCartAppAsync(cartDaprPort);
        var cart = await StartSidecarAsync(AppIds.Cart, _cart.BaseAddress.Port, cartResources, cartDaprPort);

        Public = InvokeCartThrough(gateway);
        Identity = InvokeCartThrough(identity);
        CartSidecar = new DaprClientBuilder().UseHttpEndpoint(cart.HttpEndpoint.ToString()).UseDaprApiToken(DaprApiToken).Build();
    }

    public async Task DisposeAsync()
    {
        Public?.Dispose();
        Identity?.Dispose();
        CartSidecar?.Dispose();
        foreach (var sidecar in _sidecars) await sidecar.DisposeAsync();
        if (_cart is not null) await _cart.DisposeAsync();
        if (Catalogue is not null) await Catalogue.DisposeAsync();
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A public client of a guest who already has a cart id, or of a signed-in user.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? cartId = null, string? accessToken = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (cartId is not null) request.Headers.Add(CartHeaders.CartId, cartId);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body);
        return request;
    }

    private async Task<LoopbackApp> StartCartAppAsync(int daprHttpPort)
    {
        var builder = LoopbackApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["APP_API_TOKEN"] = AppApiToken,
            ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprHttpPort}",
            ["DAPR_API_TOKEN"] = DaprApiToken,
            ["LOG_LEVEL"] = "Warning",
            [$"{CartOptions.SectionName}:{nameof(CartOptions.GuestIdleTimeout)}"] = IdleTimeout.ToString(),
            [$"{CartOptions.SectionName}:{nameof(CartOptions.UserIdleTimeout)}"] = IdleTimeout.ToString(),
        }, applicationName: typeof(CartOptions).Assembly.GetName().Name);

        // As Program.cs, with identity's JWKS replaced by the test key.
        builder.AddServiceDefaults();
        builder.Services.AddCart();
        builder.Services.AddSingleton<ISigningKeySource>(Tokens);
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapActorsHandlers();
        app.MapCartApi();
        app.MapEventSubscriptions();
        return await LoopbackApp.StartAsync(app);
    }

    private async Task<SidecarHost> StartSidecarAsync(string appId, int appPort, string resourcesPath, int? daprHttpPort = null)
    {
        var sidecar = await TestSidecar.StartAsync(
            appId, appPort, daprHttpPort ?? FreePort.Next(), resourcesPath, _directory, DaprApiToken, AppApiToken, _shared);
        _sidecars.Add(sidecar);
        return sidecar;
    }

    private static HttpClient InvokeCartThrough(SidecarHost caller)
    {
        var client = new HttpClient { BaseAddress = new Uri(caller.HttpEndpoint, $"v1.0/invoke/{AppIds.Cart}/method/") };
        client.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);
        return client;
    }
}

/// <summary>The cart app with idle timeouts of a few seconds, for the expiry tests.</summary>
public sealed class ShortIdleCartCluster : CartCluster
{
    protected override TimeSpan IdleTimeout => TimeSpan.FromSeconds(3);
}

[CollectionDefinition(Name)]
public sealed class CartClusterCollection : ICollectionFixture<CartCluster>
{
    public const string Name = "cart cluster";
}
