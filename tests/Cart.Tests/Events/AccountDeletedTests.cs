using DaprShop.Cart.Tests.Infrastructure;
using DaprShop.Contracts;
using DaprShop.Contracts.Identity;

namespace DaprShop.Cart.Tests.Events;

[Collection(CartClusterCollection.Name)]
public sealed class AccountDeletedTests(CartCluster cluster)
{
    [Fact]
    public async Task Deleting_an_account_deletes_its_cart_and_only_its_cart()
    {
        var shirt = cluster.Catalogue.Offer(price: 1000);
        var (leavingId, stayingId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (leaving, staying) = (cluster.Tokens.Customer(leavingId), cluster.Tokens.Customer(stayingId));
        foreach (var user in new[] { leaving, staying })
        {
            var added = await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Post, "items", accessToken: user, body: new { sku = shirt.Sku, quantity = 1 }));
            Assert.Single((await added.ReadCartAsync()).Lines);
        }

        await cluster.CartSidecar.PublishEventAsync(ComponentNames.PubSub, Topics.AccountDeleted, new AccountDeleted(leavingId, DateTimeOffset.UtcNow));

        await Eventually.HoldsAsync(async () =>
            (await (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", accessToken: leaving))).ReadCartAsync()).Lines.Count == 0);
        Assert.Single((await (await cluster.Public.SendAsync(CartCluster.Request(HttpMethod.Get, "cart", accessToken: staying))).ReadCartAsync()).Lines);
    }
}
