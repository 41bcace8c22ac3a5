using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Ordering;
using DaprShop.Contracts.Payment;
using DaprShop.Ordering.Api;

namespace DaprShop.Ordering.Tests.Integration;

/// <summary>The checkout workflow end to end: ordering and inventory on real sidecars, cart and payment stood in.</summary>
[Collection(OrderingClusterCollection.Name)]
public sealed class CheckoutTests(OrderingCluster cluster)
{
    private readonly CheckoutDriver _shopper = new(cluster);

    [Fact]
    public async Task A_paid_checkout_commits_the_stock_and_clears_the_cart()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);
        var hat = await _shopper.StockedSkuAsync(onHand: 3);
        _shopper.Cart(CheckoutDriver.Line(shirt, 2, unitPrice: 1500), CheckoutDriver.Line(hat, 1, unitPrice: 1000));

        var response = await _shopper.CheckoutAsync(Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<CheckoutAccepted>(JsonSerializerOptions.Web))!;
        Assert.Equal(new Uri(cluster.Public.BaseAddress!, $"orders/{accepted.OrderId}"), new Uri(new Uri(cluster.Public.BaseAddress!, "orders/checkout"), response.Headers.Location!));
        var payment = await _shopper.WaitForPaymentAsync(accepted.OrderId);
        Assert.Equal(new Money(4000 + 495, "EUR"), payment.Amount);
        Assert.Equal(2, (await _shopper.LevelsAsync(shirt)).Reserved);

        await _shopper.PublishPaymentAsync(accepted.OrderId, Topics.PaymentSucceeded, PaymentStatus.Succeeded);

        var order = await _shopper.WaitForStatusAsync(accepted.OrderId, OrderStatus.Paid);
        Assert.Equal([OrderStatus.Pending, OrderStatus.AwaitingPayment, OrderStatus.Paid], order.Timeline.Select(entry => entry.Status));
        Assert.Equal(new Money(4495, "EUR"), order.Totals.Total);
        var shirtLevels = await _shopper.LevelsAsync(shirt);
        Assert.Equal((3, 0, 3), (shirtLevels.OnHand, shirtLevels.Reserved, shirtLevels.Available));
        Assert.Equal((2, 0), ((await _shopper.LevelsAsync(hat)).OnHand, (await _shopper.LevelsAsync(hat)).Reserved));
        await Eventually.HoldsAsync(() => Task.FromResult(cluster.StandIn.CartOf(_shopper.UserId)), cart => cart is null);
        var published = await Eventually.HoldsAsync(
            () => Task.FromResult(cluster.StandIn.StatusChanges.Where(change => change.OrderId == accepted.OrderId).DistinctBy(change => change.Version).OrderBy(change => change.Version).ToArray()),
            changes => changes.Length >= 3);
        Assert.Equal([(OrderStatus.Pending, 1L), (OrderStatus.AwaitingPayment, 2L), (OrderStatus.Paid, 3L)], published.Select(change => (change.Status, change.Version)));
        Assert.All(published, change => Assert.Equal((_shopper.UserId, new Money(4495, "EUR")), (change.UserId, change.Total)));
    }

    [Fact]
    public async Task A_declined_payment_fails_the_order_releases_the_stock_and_cancels_the_payment()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);
        var cart = _shopper.Cart(CheckoutDriver.Line(shirt, 2));
        var orderId = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForPaymentAsync(orderId);

        await _shopper.PublishPaymentAsync(orderId, Topics.PaymentFailed, PaymentStatus.Failed, "Your card was declined.");

        var order = await _shopper.WaitForStatusAsync(orderId, OrderStatus.Failed);
        Assert.Equal("Your card was declined.", order.Reason);
        var levels = await _shopper.LevelsAsync(shirt);
        Assert.Equal((5, 0, 5), (levels.OnHand, levels.Reserved, levels.Available));
        Assert.Contains(orderId, cluster.StandIn.PaymentCancels);
        Assert.Equal(cart, cluster.StandIn.CartOf(_shopper.UserId));
    }

    [Fact]
    public async Task A_payment_that_never_completes_fails_the_order_at_the_timeout()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);
        _shopper.Cart(CheckoutDriver.Line(shirt, 1));
        var orderId = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForPaymentAsync(orderId);

        var order = await _shopper.WaitForStatusAsync(orderId, OrderStatus.Failed);

        Assert.Contains("did not complete", order.Reason);
        Assert.Equal(0, (await _shopper.LevelsAsync(shirt)).Reserved);
        Assert.Contains(orderId, cluster.StandIn.PaymentCancels);
    }

    [Fact]
    public async Task A_payment_that_requires_action_keeps_the_checkout_waiting_for_its_outcome()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 2);
        _shopper.Cart(CheckoutDriver.Line(shirt, 1));
        var orderId = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForPaymentAsync(orderId);

        await _shopper.PublishPaymentAsync(orderId, Topics.PaymentRequiresAction, PaymentStatus.RequiresAction);
        await _shopper.PublishPaymentAsync(orderId, Topics.PaymentSucceeded, PaymentStatus.Succeeded);
        await _shopper.PublishPaymentAsync(orderId, Topics.PaymentSucceeded, PaymentStatus.Succeeded);

        await _shopper.WaitForStatusAsync(orderId, OrderStatus.Paid);
        Assert.Equal((1, 0), ((await _shopper.LevelsAsync(shirt)).OnHand, (await _shopper.LevelsAsync(shirt)).Reserved));
    }

    [Fact]
    public async Task A_payment_that_succeeds_only_after_the_timeout_is_refunded()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 2);
        _shopper.Cart(CheckoutDriver.Line(shirt, 1));
        var orderId = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForPaymentAsync(orderId);
        cluster.StandIn.MarkSucceeded(orderId);

        await _shopper.WaitForStatusAsync(orderId, OrderStatus.Failed);

        Assert.Single(cluster.StandIn.Refunds, refund => refund.OrderId == orderId);
        Assert.Equal((2, 0), ((await _shopper.LevelsAsync(shirt)).OnHand, (await _shopper.LevelsAsync(shirt)).Reserved));
    }

    [Fact]
    public async Task Too_little_stock_of_one_line_fails_the_order_with_nothing_reserved_and_no_payment()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);
        var hat = await _shopper.StockedSkuAsync(onHand: 1);
        _shopper.Cart(CheckoutDriver.Line(shirt, 2), CheckoutDriver.Line(hat, 3));

        var orderId = await _shopper.PlaceOrderAsync();

        var order = await _shopper.WaitForStatusAsync(orderId, OrderStatus.Failed);
        Assert.Contains(hat, order.Reason);
        Assert.Equal((0, 5), ((await _shopper.LevelsAsync(shirt)).Reserved, (await _shopper.LevelsAsync(shirt)).Available));
        Assert.Equal(0, (await _shopper.LevelsAsync(hat)).Reserved);
        Assert.DoesNotContain(cluster.StandIn.PaymentStarts, start => start.OrderId == orderId);
    }

    [Fact]
    public async Task The_same_key_and_body_answer_the_same_order_and_a_different_body_is_a_409()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);
        _shopper.Cart(CheckoutDriver.Line(shirt, 1));
        var key = Guid.NewGuid().ToString();

        var first = await _shopper.CheckoutAsync(key);
        var replay = await _shopper.CheckoutAsync(key);
        var otherBody = await _shopper.CheckoutAsync(key, new
        {
            paymentMethodId = "pm_card_mastercard",
            shippingAddress = new { name = "Ada Lovelace", line1 = "1 Main St", city = "Berlin", postalCode = "10115", country = "DE" },
        });

        var orderId = (await first.Content.ReadFromJsonAsync<CheckoutAccepted>(JsonSerializerOptions.Web))!.OrderId;
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(orderId, (await replay.Content.ReadFromJsonAsync<CheckoutAccepted>(JsonSerializerOptions.Web))!.OrderId);
        Assert.Equal(HttpStatusCode.Conflict, otherBody.StatusCode);
        Assert.Equal("application/problem+json", otherBody.Content.Headers.ContentType?.MediaType);
        await _shopper.WaitForPaymentAsync(orderId);
        Assert.Single(cluster.StandIn.PaymentStarts, start => start.OrderId == orderId);
        Assert.Equal(1, (await _shopper.LevelsAsync(shirt)).Reserved);
    }

    [Fact]
    public async Task The_same_key_after_checkout_emptied_the_cart_or_while_cart_is_down_answers_the_same_order()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);
        _shopper.Cart(CheckoutDriver.Line(shirt, 1));
        var key = Guid.NewGuid().ToString();
        var orderId = (await (await _shopper.CheckoutAsync(key)).Content.ReadFromJsonAsync<CheckoutAccepted>(JsonSerializerOptions.Web))!.OrderId;
        await _shopper.WaitForPaymentAsync(orderId);
        await _shopper.PublishPaymentAsync(orderId, Topics.PaymentSucceeded, PaymentStatus.Succeeded);
        await _shopper.WaitForStatusAsync(orderId, OrderStatus.Paid);
        await Eventually.HoldsAsync(() => Task.FromResult(cluster.StandIn.CartOf(_shopper.UserId)), cart => cart is null);

        var afterEmptied = await _shopper.CheckoutAsync(key);
        cluster.StandIn.BreakCart(_shopper.UserId);
        var whileCartDown = await _shopper.CheckoutAsync(key);

        foreach (var replay in new[] { afterEmptied, whileCartDown })
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
            var accepted = (await replay.Content.ReadFromJsonAsync<CheckoutAccepted>(JsonSerializerOptions.Web))!;
            Assert.Equal((orderId, OrderStatus.Paid), (accepted.OrderId, accepted.Status));
        }
    }

    [Fact]
    public async Task Checkout_without_an_idempotency_key_or_with_a_bad_body_or_an_empty_cart_is_a_problem()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);

        var emptyCart = await _shopper.CheckoutAsync(Guid.NewGuid().ToString());
        _shopper.Cart(CheckoutDriver.Line(shirt, 1));
        var noKey = await _shopper.CheckoutAsync(idempotencyKey: null);
        var badBody = await _shopper.CheckoutAsync(Guid.NewGuid().ToString(), new { paymentMethodId = "4242424242424242" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyCart.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.All([emptyCart, noKey, badBody], response => Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(0, (await _shopper.LevelsAsync(shirt)).Reserved);
    }

    [Fact]
    public async Task A_cart_that_cannot_be_read_is_a_503_problem_and_nothing_is_ordered()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);
        _shopper.Cart(CheckoutDriver.Line(shirt, 1));
        cluster.StandIn.BreakCart(_shopper.UserId);
        var key = Guid.NewGuid().ToString();

        var response = await _shopper.CheckoutAsync(key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await _shopper.LevelsAsync(shirt)).Reserved);
    }
}
