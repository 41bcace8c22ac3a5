using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Ordering;
using DaprShop.Contracts.Payment;
using DaprShop.Ordering.Api;

namespace DaprShop.Ordering.Tests.Integration;

/// <summary>Reading, listing, cancelling and shipping orders, and who may do which.</summary>
[Collection(OrderingClusterCollection.Name)]
public sealed class OrdersApiTests(OrderingCluster cluster)
{
    private readonly CheckoutDriver _shopper = new(cluster);
    private readonly string _admin = cluster.Tokens.Admin(Guid.CreateVersion7());

    [Fact]
    public async Task Another_customer_can_neither_read_nor_cancel_an_order_but_an_admin_reads_and_ships_it()
    {
        var orderId = await PaidOrderAsync(onHand: 4, quantity: 1);
        var stranger = cluster.Tokens.Customer(Guid.CreateVersion7());

        var strangerRead = await SendAsync(HttpMethod.Get, $"orders/{orderId}", stranger);
        var strangerCancel = await SendAsync(HttpMethod.Post, $"orders/{orderId}/cancel", stranger);
        var customerShip = await SendAsync(HttpMethod.Post, $"orders/{orderId}/ship", _shopper.Token, new { trackingNumber = "TRACK-1" });
        var adminShip = await SendAsync(HttpMethod.Post, $"orders/{orderId}/ship", _admin, new { trackingNumber = "TRACK-1" });

        Assert.Equal(HttpStatusCode.NotFound, strangerRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerCancel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerShip.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminShip.StatusCode);
        var order = await _shopper.GetOrderAsync(orderId, _admin);
        Assert.Equal((OrderStatus.Shipped, "TRACK-1"), (order.Status, order.TrackingNumber));
        Assert.Equal(OrderStatus.Paid, (await _shopper.GetOrderAsync(orderId)).Timeline[^2].Status);
        // Committed with the order through the outbox, then published: the shopper's shipping email has its event.
        await Eventually.HoldsAsync(
            () => Task.FromResult(cluster.StandIn.StatusChanges.Where(change => change.OrderId == orderId && change.Status == OrderStatus.Shipped).ToList()),
            shippedEvents => shippedEvents.Count > 0 && shippedEvents.All(shipped => shipped.TrackingNumber == "TRACK-1"));
    }

    [Fact]
    public async Task Only_a_paid_order_ships_and_a_shipped_order_cannot_be_cancelled()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 1);
        _shopper.Cart(CheckoutDriver.Line(shirt, 2));
        var failed = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForStatusAsync(failed, OrderStatus.Failed);
        var shipped = await PaidOrderAsync(onHand: 2, quantity: 1);
        await SendAsync(HttpMethod.Post, $"orders/{shipped}/ship", _admin, new { trackingNumber = "TRACK-2" });

        var shipFailed = await SendAsync(HttpMethod.Post, $"orders/{failed}/ship", _admin, new { trackingNumber = "TRACK-3" });
        var cancelShipped = await SendAsync(HttpMethod.Post, $"orders/{shipped}/cancel", _shopper.Token);
        var shipWithoutTracking = await SendAsync(HttpMethod.Post, $"orders/{shipped}/ship", _admin, new { trackingNumber = "" });

        Assert.Equal(HttpStatusCode.Conflict, shipFailed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelShipped.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shipWithoutTracking.StatusCode);
    }

    [Fact]
    public async Task Cancelling_an_order_that_awaits_payment_cancels_the_payment_and_releases_the_stock()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 3);
        _shopper.Cart(CheckoutDriver.Line(shirt, 2));
        var orderId = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForPaymentAsync(orderId);

        var cancel = await SendAsync(HttpMethod.Post, $"orders/{orderId}/cancel", _shopper.Token);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var order = await _shopper.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.NotNull(order.Reason);
        Assert.Equal((0, 3), ((await _shopper.LevelsAsync(shirt)).Reserved, (await _shopper.LevelsAsync(shirt)).Available));
        Assert.Contains(orderId, cluster.StandIn.PaymentCancels);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it_and_puts_the_stock_back()
    {
        var shirt = await _shopper.StockedSkuAsync(onHand: 5);
        var orderId = await PaidOrderAsync(shirt, quantity: 2);
        Assert.Equal(3, (await _shopper.LevelsAsync(shirt)).OnHand);

        var cancel = await SendAsync(HttpMethod.Post, $"orders/{orderId}/cancel", _shopper.Token);
        var again = await SendAsync(HttpMethod.Post, $"orders/{orderId}/cancel", _shopper.Token);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True(again.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"a repeated cancel answered {again.StatusCode}");
        await _shopper.WaitForStatusAsync(orderId, OrderStatus.Refunded);
        Assert.Single(cluster.StandIn.Refunds, refund => refund.OrderId == orderId);
        Assert.Equal(5, (await _shopper.LevelsAsync(shirt)).OnHand);
    }

    [Fact]
    public async Task A_shopper_lists_their_own_orders_newest_first_and_an_admin_lists_all_by_status()
    {
        var first = await PaidOrderAsync(onHand: 2, quantity: 1);
        var shirt = await _shopper.StockedSkuAsync(onHand: 0);
        _shopper.Cart(CheckoutDriver.Line(shirt, 1));
        var second = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForStatusAsync(second, OrderStatus.Failed);

        var mine = await ReadPageAsync("orders?page=1&pageSize=1", _shopper.Token);
        var mineAll = await ReadPageAsync("orders", _shopper.Token);
        var paid = await ReadPageAsync($"orders/admin?status={(int)OrderStatus.Paid}&pageSize=100", _admin);
        var customerAsAdmin = await SendAsync(HttpMethod.Get, "orders/admin", _shopper.Token);
        var badPage = await SendAsync(HttpMethod.Get, "orders?page=0", _shopper.Token);

        Assert.Equal((2, 1, 1), (mine.Total, mine.Page, mine.PageSize));
        Assert.Equal([second], mine.Items.Select(order => order.Id));
        Assert.Equal([second, first], mineAll.Items.Select(order => order.Id));
        Assert.Contains(first, paid.Items.Select(order => order.Id));
        Assert.All(paid.Items, order => Assert.Equal(OrderStatus.Paid, order.Status));
        Assert.Equal(HttpStatusCode.Forbidden, customerAsAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    private async Task<Guid> PaidOrderAsync(int onHand, int quantity) => await PaidOrderAsync(await _shopper.StockedSkuAsync(onHand), quantity);

    private async Task<Guid> PaidOrderAsync(string sku, int quantity)
    {
        _shopper.Cart(CheckoutDriver.Line(sku, quantity));
        var orderId = await _shopper.PlaceOrderAsync();
        await _shopper.WaitForPaymentAsync(orderId);
        await _shopper.PublishPaymentAsync(orderId, Topics.PaymentSucceeded, PaymentStatus.Succeeded);
        await _shopper.WaitForStatusAsync(orderId, OrderStatus.Paid);
        return orderId;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null) =>
        cluster.Public.SendAsync(OrderingCluster.Request(method, path, token, body));

    private async Task<OrderPage> ReadPageAsync(string path, string token)
    {
        var response = await SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderPage>(JsonSerializerOptions.Web))!;
    }
}
