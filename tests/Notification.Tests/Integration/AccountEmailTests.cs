using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Notification.Tests.Infrastructure;

namespace DaprShop.Notification.Tests.Integration;

[Collection(NotificationClusterCollection.Name)]
public sealed class AccountEmailTests(NotificationCluster cluster)
{
    [Fact]
    public async Task A_new_account_is_welcomed_at_the_address_identity_knows()
    {
        var ann = cluster.Identity.AddUser("Ann <Shopper>");
        var eventId = Guid.NewGuid().ToString();

        // The event's address is stale: identity's is the one that counts.
        await cluster.PublishAsync(Topics.AccountRegistered, new AccountRegistered(ann.UserId, "old@shop.test", "Old", DateTimeOffset.UtcNow), eventId);

        await Eventually.HoldsAsync(() => cluster.DeliveriesOf(eventId, "SUCCESS") == 1);
        var email = cluster.ReadEmail($"welcome-{ann.UserId}.eml");
        Assert.Equal($"Ann <Shopper> <{ann.Email}>", email.To);
        Assert.Equal("Welcome to DaprShop", email.Subject);
        Assert.StartsWith("Hello Ann <Shopper>,", email.Text);
        Assert.Contains("<p>Hello Ann &lt;Shopper&gt;,</p>", email.Html);
    }

    [Fact]
    public async Task An_account_erased_before_delivery_is_acknowledged_without_email()
    {
        var erasedUserId = Guid.CreateVersion7();
        var eventId = Guid.NewGuid().ToString();

        await cluster.PublishAsync(Topics.AccountRegistered, new AccountRegistered(erasedUserId, "gone@shop.test", "Gone", DateTimeOffset.UtcNow), eventId);

        await Eventually.HoldsAsync(() => cluster.DeliveriesOf(eventId, "SUCCESS") == 1);
        Assert.Equal(1, cluster.Identity.LookupsOf(erasedUserId));
        Assert.False(File.Exists(cluster.EmailPath($"welcome-{erasedUserId}.eml")));
    }

    [Fact]
    public async Task A_new_product_still_gets_its_catalog_update()
    {
        var product = new ProductCreated(Guid.CreateVersion7(), "Linen Shirt", "Acme", [], 1, DateTimeOffset.UtcNow);

        var eventId = Guid.NewGuid().ToString();

        await cluster.PublishAsync(Topics.ProductCreated, product, eventId);

        await Eventually.HoldsAsync(() => cluster.DeliveriesOf(eventId, "SUCCESS") == 1);
        Assert.Contains("new product \"Linen Shirt\" by Acme", await File.ReadAllTextAsync(cluster.EmailPath($"product-created-{product.ProductId}.txt")));
    }
}
