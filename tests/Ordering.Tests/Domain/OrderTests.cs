using DaprShop.Contracts;
using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Tests.Domain;

public sealed class OrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static Order Placed() => Order.Place(
        Guid.CreateVersion7(), Guid.CreateVersion7(),
        [new OrderLine("TSHIRT-M", "T-shirt", new Dictionary<string, string> { ["size"] = "M" }, 2, new Money(1500, "EUR"))],
        new ShippingAddress("Ada", "1 Main St", null, "Berlin", "10115", "DE"), "pm_card_visa", Guid.CreateVersion7(), "hash", T0);

    [Fact]
    public void A_placed_order_is_pending_at_version_one_with_its_totals()
    {
        var order = Placed();

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(1, order.Version);
        Assert.Equal([new OrderStatusEntry(OrderStatus.Pending, T0, null)], order.Timeline);
        Assert.Equal(new Money(3495, "EUR"), order.Totals.Total);
    }

    [Fact]
    public void The_happy_path_records_every_step_and_grows_the_version()
    {
        var shipped = Placed()
            .MoveTo(OrderStatus.AwaitingPayment, T0.AddSeconds(1))
            .MoveTo(OrderStatus.Paid, T0.AddSeconds(2))
            .MoveTo(OrderStatus.Shipped, T0.AddSeconds(3), trackingNumber: "TRACK-1");

        Assert.Equal(4, shipped.Version);
        Assert.Equal("TRACK-1", shipped.TrackingNumber);
        Assert.Equal([OrderStatus.Pending, OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Shipped], shipped.Timeline.Select(entry => entry.Status));
        var changed = shipped.ToStatusChanged();
        Assert.Equal((OrderStatus.Shipped, 4L, "TRACK-1", T0.AddSeconds(3)), (changed.Status, changed.Version, changed.TrackingNumber, changed.OccurredAt));
    }

    [Fact]
    public void A_failure_keeps_its_reason()
    {
        var failed = Placed().MoveTo(OrderStatus.Failed, T0, "Not enough stock");

        Assert.Equal("Not enough stock", failed.Reason);
        Assert.Equal("Not enough stock", failed.Timeline[^1].Reason);
    }

    [Theory]
    [InlineData(OrderStatus.Pending, OrderStatus.Paid)]
    [InlineData(OrderStatus.Pending, OrderStatus.Shipped)]
    [InlineData(OrderStatus.AwaitingPayment, OrderStatus.Refunded)]
    [InlineData(OrderStatus.Paid, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Paid, OrderStatus.Failed)]
    [InlineData(OrderStatus.Shipped, OrderStatus.Refunded)]
    [InlineData(OrderStatus.Failed, OrderStatus.AwaitingPayment)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Paid)]
    [InlineData(OrderStatus.Refunded, OrderStatus.Paid)]
    public void Steps_outside_the_lifecycle_are_refused(OrderStatus from, OrderStatus to)
    {
        Assert.False(OrderTransitions.IsAllowed(from, to));
    }

    [Fact]
    public void Moving_against_the_lifecycle_throws_and_leaves_the_order_as_it_was()
    {
        var order = Placed();

        Assert.Throws<InvalidOperationException>(() => order.MoveTo(OrderStatus.Shipped, T0));
        Assert.Equal(OrderStatus.Pending, order.Status);
    }

    [Theory]
    [InlineData(OrderStatus.Pending, true)]
    [InlineData(OrderStatus.AwaitingPayment, true)]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Failed, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public void The_shopper_may_cancel_until_the_order_ships(OrderStatus status, bool cancellable)
    {
        Assert.Equal(cancellable, OrderTransitions.IsCancellable(status));
    }
}
