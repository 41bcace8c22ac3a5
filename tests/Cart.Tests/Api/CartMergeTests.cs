using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Cart.Api;
using DaprShop.Cart.Domain;
using DaprShop.Cart.Tests.Infrastructure;
using DaprShop.Contracts;
using DaprShop.Contracts.Cart;

namespace DaprShop.Cart.Tests.Api;

/// <summary><c>POST /internal/carts/merge</c> as identity calls it at login, through identity's sidecar.</summary>
[Collection(CartClusterCollection.Name)]
public sealed class CartMergeTests(CartCluster cluster)
{
    private static readonly string MergePath = CartMergeApi.MergePath.TrimStart('/');

    [Fact]
    public async Task Identity_merges_the_guest_cart_into_the_users_once_however_often_it_asks()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var hat = cluster.Catalogue.Offer(price: 300);
        var userId = Guid.CreateVersion7();
        var user = cluster.Tokens.Customer(userId);
        await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", accessToken: user, body: new { sku = shirt.Sku, quantity = 6 }));
        var guestCartId = (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", body: new { sku = shirt.Sku, quantity = 7 }))).CartIdHeader();
        await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", guestCartId, body: new { sku = hat.Sku, quantity = 2 }));

        var merge = new MergeGuestCart(guestCartId!, userId);
        var first = await cluster.Identity.PostAsJsonAsync(MergePath, merge);
        var second = await cluster.Identity.PostAsJsonAsync(MergePath, merge);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<CartMergeOutcome>(JsonSerializerOptions.Web))!.LinesMerged);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<CartMergeOutcome>(JsonSerializerOptions.Web))!.LinesMerged);
        var cart = await (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", accessToken: user))).ReadCartAsync();
        Assert.Equal([(shirt.Sku, CartLimits.MaxQuantityPerLine), (hat.Sku, 2)], cart.Lines.Select(line => (line.Sku, line.Quantity)));
        Assert.Equal([new Money(10_600, "EUR")], cart.Subtotals);
        var guestCart = await (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", guestCartId))).ReadCartAsync();
        Assert.Empty(guestCart.Lines);
    }

    [Fact]
    public async Task Only_identity_may_merge_and_a_refused_merge_leaves_the_guest_cart_alone()
    {
        var hat = cluster.Catalogue.Offer(price: 300);
        var guestCartId = (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", body: new { sku = hat.Sku, quantity = 1 }))).CartIdHeader();

        var fromGateway = await cluster.Public.PostAsJsonAsync(MergePath, new MergeGuestCart(guestCartId!, Guid.CreateVersion7()));

        await fromGateway.ReadProblemAsync(HttpStatusCode.Forbidden);
        var guestCart = await (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", guestCartId))).ReadCartAsync();
        Assert.Single(guestCart.Lines);
    }

    [Theory]
    [InlineData("""{"guestCartId":"not-a-cart-id","userId":"0198a0c4-6d1e-7c3a-8e55-3f0b4a2d9e10"}""")]
    [InlineData("""{"guestCartId":"AAAAAAAAAAAAAAAAAAAAAA","userId":"00000000-0000-0000-0000-000000000000"}""")]
    [InlineData("""{"guestCartId":"AAAAAAAAAAAAAAAAAAAAAA"}""")]
    [InlineData("""{"guestCartId":"AAAAAAAAAAAAAAAAAAAAAA","userId":"not-a-guid"}""")]
    public async Task A_bad_merge_request_is_a_400_problem(string json)
    {
        var response = await cluster.Identity.PostAsync(MergePath, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
