using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Cart.Api;
using DaprShop.Cart.Tests.Infrastructure;
using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;

namespace DaprShop.Cart.Tests.Integration;

/// <summary>Cart's checkout endpoints as ordering calls them, through a sidecar named ordering.</summary>
[Collection(CartWithOrderingCollection.Name)]
public sealed class CartCheckoutApiTests(CartWithOrderingCluster cluster)
{
    private static readonly string CartsPath = CartCheckoutApi.CartsPath.TrimStart('/');

    [Fact]
    public async Task Ordering_gets_the_users_cart_at_current_prices_with_its_revision()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var userId = Guid.CreateVersion7();
        await AddAsync(userId, shirt.Sku, 2);
        cluster.Catalogue.Variants[shirt.Sku] = shirt with { Price = new Money(1200, "EUR") };

        var snapshot = await SnapshotAsync(userId);

        Assert.NotEqual(Guid.Empty, snapshot.Revision);
        var line = Assert.Single(snapshot.Lines);
        Assert.Equal((shirt.Sku, shirt.ProductName, 2, new Money(1200, "EUR"), false), (line.Sku, line.ProductName, line.Quantity, line.UnitPrice, line.Archived));
    }

    [Fact]
    public async Task Clearing_at_the_checked_out_revision_empties_the_cart_once_and_a_later_change_survives()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var hat = cluster.Catalogue.Offer(price: 300);
        var paid = Guid.CreateVersion7();
        var busy = Guid.CreateVersion7();
        await AddAsync(paid, shirt.Sku, 1);
        await AddAsync(busy, shirt.Sku, 1);
        var paidRevision = (await SnapshotAsync(paid)).Revision;
        var busyRevision = (await SnapshotAsync(busy)).Revision;
        await AddAsync(busy, hat.Sku, 1);

        var first = await ClearAsync(paid, paidRevision);
        var repeated = await ClearAsync(paid, paidRevision);
        var stale = await ClearAsync(busy, busyRevision);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, repeated.StatusCode, stale.StatusCode));
        Assert.Empty((await SnapshotAsync(paid)).Lines);
        Assert.Equal([shirt.Sku, hat.Sku], (await SnapshotAsync(busy)).Lines.Select(line => line.Sku));
    }

    [Fact]
    public async Task A_line_the_shopper_adds_while_the_checked_out_cart_is_being_cleared_is_never_cleared_with_it()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var hat = cluster.Catalogue.Offer(price: 300);
        var users = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToArray();
        await Task.WhenAll(users.Select(user => AddAsync(user, shirt.Sku, 1)));
        var revisions = await Task.WhenAll(users.Select(async user => (await SnapshotAsync(user)).Revision));

        // Whichever lands first, the hat stays: added before the clear, the revision moved on and nothing is cleared;
        // added after it, it goes into the emptied cart.
        await Task.WhenAll(users.Select((user, i) => Task.WhenAll(ClearAsync(user, revisions[i]), AddAsync(user, hat.Sku, 1))));

        foreach (var user in users)
        {
            Assert.Contains(hat.Sku, (await SnapshotAsync(user)).Lines.Select(line => line.Sku));
        }
    }

    [Fact]
    public async Task Only_ordering_may_call_and_a_clear_without_a_revision_is_a_400_problem()
    {
        var userId = Guid.CreateVersion7();

        var fromIdentity = await cluster.Identity.GetAsync($"{CartsPath}/{userId}");
        var noRevision = await cluster.Ordering.PostAsJsonAsync($"{CartsPath}/{userId}/clear", new { });

        await fromIdentity.ReadProblemAsync(HttpStatusCode.Forbidden);
        await noRevision.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task AddAsync(Guid userId, string sku, int quantity)
    {
        var response = await cluster.Public.SendAsync(CartCluster.Request(
            HttpMethod.Post, "items", accessToken: cluster.Tokens.Customer(userId), body: new { sku, quantity }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<CartSnapshot> SnapshotAsync(Guid userId)
    {
        var response = await cluster.Ordering.GetAsync($"{CartsPath}/{userId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CartSnapshot>(JsonSerializerOptions.Web))!;
    }

    private Task<HttpResponseMessage> ClearAsync(Guid userId, Guid revision) =>
        cluster.Ordering.PostAsJsonAsync($"{CartsPath}/{userId}/clear", new ClearCheckedOutCart(revision));
}

/// <summary>The cart cluster plus a sidecar named ordering (in front of the catalogue stand-in), to call cart as ordering does.</summary>
public sealed class CartWithOrderingCluster : CartCluster, IAsyncLifetime
{
    private const string DaprApiToken = "sidecar-token-for-cart-checkout-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-cart-checkout-tests-").FullName;
    private readonly SharedResources _shared = new();
    private SidecarHost? _ordering;

    /// <summary>Invokes cart through ordering's sidecar.</summary>
    public HttpClient Ordering { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ordering = await TestSidecar.StartAsync(
            AppIds.Ordering, Catalogue.App.BaseAddress.Port, FreePort.Next(), Directory.CreateDirectory(Path.Combine(_directory, "resources")).FullName,
            _directory, DaprApiToken, "app-token-for-cart-checkout-tests", _shared);
        Ordering = new HttpClient { BaseAddress = new Uri(_ordering.HttpEndpoint, $"v1.0/invoke/{AppIds.Cart}/method/") };
        Ordering.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);
    }

    public new async Task DisposeAsync()
    {
        Ordering?.Dispose();
        if (_ordering is not null) await _ordering.DisposeAsync();
        await _shared.DisposeAsync();
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class CartWithOrderingCollection : ICollectionFixture<CartWithOrderingCluster>
{
    public const string Name = "cart cluster with ordering";
}
