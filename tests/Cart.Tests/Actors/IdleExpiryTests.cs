using System.Net;
using DaprShop.Cart.Tests.Infrastructure;

namespace DaprShop.Cart.Tests.Actors;

/// <summary>Carts idle for their configured timeout (3 s here) are removed by the cart actor's reminder.</summary>
public sealed class IdleExpiryTests(ShortIdleCartCluster cluster) : IClassFixture<ShortIdleCartCluster>
{
    [Fact]
    public async Task Idle_guest_and_user_carts_are_emptied_by_their_reminder()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var user = cluster.Tokens.Customer(Guid.CreateVersion7());

        var guestAdd = await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", body: new { sku = shirt.Sku, quantity = 1 }));
        var userAdd = await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", accessToken: user, body: new { sku = shirt.Sku, quantity = 1 }));
        Assert.Single((await guestAdd.ReadCartAsync()).Lines);
        Assert.Single((await userAdd.ReadCartAsync()).Lines);

        await Eventually.HoldsAsync(async () =>
            (await (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", guestAdd.CartIdHeader()))).ReadCartAsync()).Lines.Count == 0);
        await Eventually.HoldsAsync(async () =>
            (await (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", accessToken: user))).ReadCartAsync()).Lines.Count == 0);
    }

    [Fact]
    public async Task A_cart_changed_within_its_idle_timeout_stays_until_it_has_been_idle_that_long()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var user = cluster.Tokens.Customer(Guid.CreateVersion7());
        Assert.Equal(HttpStatusCode.OK, (await cluster.Public.SendAsync(
            CartCluster.Request(HttpMethod.Post, "items", accessToken: user, body: new { sku = shirt.Sku, quantity = 1 }))).StatusCode);

        // A shopper busy with the cart for more than twice the 3-s timeout: the reminder fires meanwhile and must
        // neither remove the cart (a change of a removed line is a 404) nor stop watching it.
        var busyUntil = DateTimeOffset.UtcNow.AddSeconds(7);
        for (var quantity = 2; DateTimeOffset.UtcNow < busyUntil; quantity = 3 - quantity)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var change = await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Put, $"items/{shirt.Sku}", accessToken: user, body: new { quantity }));
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }

        await Eventually.HoldsAsync(async () =>
            (await (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", accessToken: user))).ReadCartAsync()).Lines.Count == 0);
    }
}
