using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Contracts.Inventory;
using DaprShop.Contracts.Ordering;
using DaprShop.Contracts.Payment;
using DaprShop.Ordering.Api;

namespace DaprShop.Ordering.Tests.Integration;

/// <summary>What the checkout tests do again and again: stock a SKU, fill a cart, check out, follow the order, answer for payment.</summary>
public sealed class CheckoutDriver(OrderingCluster cluster)
{
    public static readonly object Body = new
    {
        paymentMethodId = "pm_card_visa",
        shippingAddress = new { name = "Ada Lovelace", line1 = "1 Main St", city = "Berlin", postalCode = "10115", country = "DE" },
    };

    public Guid UserId { get; } = Guid.CreateVersion7();

    public string Token => cluster.Tokens.Customer(UserId);

    public async Task<string> StockedSkuAsync(int onHand)
    {
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        await cluster.Stock(sku).SetOnHand(new SetOnHand(onHand));
        return sku;
    }

    public static CartSnapshotLine Line(string sku, int quantity, long unitPrice = 1500) =>
        new(sku, "Product " + sku, new Dictionary<string, string> { ["size"] = "M" }, quantity, new Money(unitPrice, "EUR"), Archived: false);

    public CartSnapshot Cart(params CartSnapshotLine[] lines) => cluster.StandIn.PutCart(UserId, lines);

    public Task<HttpResponseMessage> CheckoutAsync(string? idempotencyKey, object? body = null) =>
        cluster.Public.SendAsync(OrderingCluster.Request(HttpMethod.Post, "orders/checkout", Token, body ?? Body, idempotencyKey));

    /// <summary>Checks out with a fresh key and answers the accepted order's id.</summary>
    public async Task<Guid> PlaceOrderAsync()
    {
        var response = await CheckoutAsync(Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CheckoutAccepted>(JsonSerializerOptions.Web))!.OrderId;
    }

    public async Task<OrderView> GetOrderAsync(Guid orderId, string? token = null)
    {
        var response = await cluster.Public.SendAsync(OrderingCluster.Request(HttpMethod.Get, $"orders/{orderId}", token ?? Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderView>(JsonSerializerOptions.Web))!;
    }

    public Task<OrderView> WaitForStatusAsync(Guid orderId, OrderStatus status) =>
        Eventually.HoldsAsync(() => GetOrderAsync(orderId), order => order.Status == status);

    /// <summary>Waits until the order awaits payment and payment was asked to charge it.</summary>
    public async Task<StartPayment> WaitForPaymentAsync(Guid orderId)
    {
        await WaitForStatusAsync(orderId, OrderStatus.AwaitingPayment);
        return await Eventually.HoldsAsync(
            () => Task.FromResult(cluster.StandIn.PaymentStarts.FirstOrDefault(start => start.OrderId == orderId)), start => start is not null)
            ?? throw new InvalidOperationException("unreachable");
    }

    /// <summary>Publishes what payment publishes once Stripe's webhook arrived.</summary>
    public Task PublishPaymentAsync(Guid orderId, string topic, PaymentStatus status, string? failureMessage = null) =>
        cluster.OrderingSidecar.PublishEventAsync(ComponentNames.PubSub, topic, new PaymentOutcome(
            orderId, $"pi_{orderId:N}", "evt_" + Guid.NewGuid().ToString("N"), status, new Money(0, "EUR"),
            failureMessage is null ? null : "card_declined", failureMessage, DateTimeOffset.UtcNow));

    public Task<StockLevelsSnapshot> LevelsAsync(string sku) => cluster.Stock(sku).GetLevels();
}
