using DaprShop.Contracts;
using DaprShop.Contracts.Ordering;
using DaprShop.Contracts.Payment;

namespace DaprShop.Ordering.Tests.Integration;

/// <summary>A checkout outlives the ordering app: its state, timers and pending waits live in the sidecar.</summary>
[Collection(OrderingClusterCollection.Name)]
public sealed class CheckoutRestartTests(OrderingCluster cluster)
{
    private readonly CheckoutDriver _shopper = new(cluster);

    [Fact]
    public async Task A_checkout_waiting_for_payment_when_ordering_restarts_completes_on_the_new_app()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 4);
        _shopper.Cart(CheckoutDriver.Line(shirt, 3));
        var orderId = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForPaymentAsync(orderId);

        await cluster.RestartOrderingAsync();
        await _shopper.PublishPaymentAsync(orderId, Topics.PaymentSucceeded, PaymentStatus.Succeeded);

        await _shopper.WaitForStatusAsync(orderId, OrderStatus.Paid);
        Assert.Equal((1, 0), ((await _shopper.LevelsAsync(shirt)).OnHand, (await _shopper.LevelsAsync(shirt)).Reserved));
        Assert.Single(cluster.StandIn.PaymentStarts, start => start.OrderId == orderId);
    }
}
