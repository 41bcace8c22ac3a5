using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Contracts.Ordering;
using DaprShop.Notification.Tests.Infrastructure;

namespace DaprShop.Notification.Tests.Integration;

[Collection(NotificationClusterCollection.Name)]
public sealed class OrderEmailTests(NotificationCluster cluster)
{
    [Fact]
    public async Task Each_status_that_matters_to_the_shopper_is_emailed()
    {
        var ann = cluster.Identity.AddUser();
        var orderId = Guid.CreateVersion7();

        string[] eventIds = [Guid.NewGuid().ToString(), Guid.NewGuid().ToString()];

        await cluster.PublishAsync(Topics.OrderStatusChanged, Change(ann, orderId, OrderStatus.Paid, version: 3), eventIds[0]);
        await cluster.PublishAsync(Topics.OrderStatusChanged, Change(ann, orderId, OrderStatus.Shipped, version: 4) with { TrackingNumber = "TRACK-42" }, eventIds[1]);

        // A delivery is answered after its send completed, so the files are whole by then.
        await Eventually.HoldsAsync(() => eventIds.All(eventId => cluster.DeliveriesOf(eventId, "SUCCESS") == 1));
        var confirmation = cluster.ReadEmail($"order-{orderId}-paid.eml");
        Assert.Equal($"Ann Shopper <{ann.Email}>", confirmation.To);
        Assert.Equal("Your DaprShop order is confirmed", confirmation.Subject);
        Assert.Contains("2 x Linen Shirt (SHIRT-M) at EUR 19.99 = EUR 39.98", confirmation.Text);
        Assert.Contains("Total: EUR 39.98", confirmation.Text);
        Assert.Contains("<td>Linen Shirt</td>", confirmation.Html);
        Assert.Contains("Tracking number: TRACK-42.", cluster.ReadEmail($"order-{orderId}-shipped.eml").Text);
    }

    [Fact]
    public async Task A_step_inside_checkout_is_not_even_delivered_because_the_subscription_rule_drops_it()
    {
        var ann = cluster.Identity.AddUser();
        var orderId = Guid.CreateVersion7();
        var stepId = Guid.NewGuid().ToString();
        var paidId = Guid.NewGuid().ToString();

        await cluster.PublishAsync(Topics.OrderStatusChanged, Change(ann, orderId, OrderStatus.AwaitingPayment, version: 2), stepId);
        await cluster.PublishAsync(Topics.OrderStatusChanged, Change(ann, orderId, OrderStatus.Paid, version: 3), paidId);

        // Published first, so a delivered step would have arrived by the time the Paid change has.
        await Eventually.HoldsAsync(() => cluster.DeliveriesOf(paidId, "SUCCESS") == 1);
        Assert.DoesNotContain(cluster.Deliveries, delivery => delivery.EventId == stepId);
        Assert.Equal([$"order-{orderId}-paid.eml"], Directory.GetFiles(cluster.EmailDirectory, $"order-{orderId}-*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_redelivered_or_republished_change_is_sent_once()
    {
        var ann = cluster.Identity.AddUser();
        var orderId = Guid.CreateVersion7();
        var change = Change(ann, orderId, OrderStatus.Paid, version: 3);
        var firstId = Guid.NewGuid().ToString();
        await cluster.PublishAsync(Topics.OrderStatusChanged, change, firstId);
        await Eventually.HoldsAsync(() => cluster.DeliveriesOf(firstId, "SUCCESS") == 1);
        var email = cluster.EmailPath($"order-{orderId}-paid.eml");
        Assert.True(File.Exists(email));
        // Removed so that any second send would show as the file coming back.
        File.Delete(email);

        var republishedId = Guid.NewGuid().ToString();
        await cluster.PublishAsync(Topics.OrderStatusChanged, change, firstId);
        await cluster.PublishAsync(Topics.OrderStatusChanged, change, republishedId);

        await Eventually.HoldsAsync(() => cluster.DeliveriesOf(firstId, "SUCCESS") == 2 && cluster.DeliveriesOf(republishedId, "SUCCESS") == 1);
        Assert.False(File.Exists(email));
        Assert.Equal(1, cluster.Identity.LookupsOf(ann.UserId));
    }

    [Fact]
    public async Task An_erased_shoppers_order_change_is_acknowledged_without_email()
    {
        var erased = new UserContact(Guid.CreateVersion7(), "gone@shop.test", "Gone");
        var orderId = Guid.CreateVersion7();
        var eventId = Guid.NewGuid().ToString();

        await cluster.PublishAsync(Topics.OrderStatusChanged, Change(erased, orderId, OrderStatus.Refunded, version: 6), eventId);

        await Eventually.HoldsAsync(() => cluster.DeliveriesOf(eventId, "SUCCESS") == 1);
        Assert.Equal(1, cluster.Identity.LookupsOf(erased.UserId));
        Assert.Empty(Directory.GetFiles(cluster.EmailDirectory, $"order-{orderId}-*"));
    }

    [Fact]
    public async Task While_identity_cannot_answer_the_event_is_retried_until_it_can()
    {
        var ann = cluster.Identity.AddUser();
        cluster.Identity.Outages[ann.UserId] = 2;
        var orderId = Guid.CreateVersion7();
        var eventId = Guid.NewGuid().ToString();

        await cluster.PublishAsync(Topics.OrderStatusChanged, Change(ann, orderId, OrderStatus.Failed, version: 4) with { Reason = "your card was declined" }, eventId);

        await Eventually.HoldsAsync(() => cluster.DeliveriesOf(eventId, "SUCCESS") == 1);
        Assert.Equal(2, cluster.DeliveriesOf(eventId, "RETRY"));
        Assert.Equal(3, cluster.Identity.LookupsOf(ann.UserId));
        Assert.Contains("your card was declined", cluster.ReadEmail($"order-{orderId}-failed.eml").Text);
    }

    private static OrderStatusChanged Change(UserContact shopper, Guid orderId, OrderStatus status, long version) => new(
        orderId, shopper.UserId, status, new Money(3998, "EUR"), [new OrderLineSummary("SHIRT-M", "Linen Shirt", 2, new Money(1999, "EUR"))],
        null, null, version, DateTimeOffset.UtcNow);
}
