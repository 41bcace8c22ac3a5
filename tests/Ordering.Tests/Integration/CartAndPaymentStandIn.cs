using System.Collections.Concurrent;
using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Contracts.Ordering;
using DaprShop.Contracts.Payment;
using DaprShop.Dapr;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Ordering.Tests.Integration;

/// <summary>
/// Cart's and payment's internal APIs as ordering calls them (<c>/internal/carts</c>, <c>/internal/payments</c>),
/// answering from what the test set up and recording every call; one app behind sidecars named cart and payment.
/// It also subscribes to order-status-changed (through payment's sidecar, the one with the broker), as notification does.
/// Payments stay Processing until the test publishes their outcome, as with Stripe's webhooks.
/// </summary>
public sealed class CartAndPaymentStandIn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, CartSnapshot> _carts = new();
    private readonly ConcurrentDictionary<Guid, PaymentView> _payments = new();
    private readonly ConcurrentDictionary<Guid, bool> _brokenCarts = new();

    private CartAndPaymentStandIn(LoopbackApp app) => App = app;

    public LoopbackApp App { get; }

    public ConcurrentQueue<(Guid UserId, Guid Revision)> CartClears { get; } = new();

    public ConcurrentQueue<StartPayment> PaymentStarts { get; } = new();

    /// <summary>What ordering published on order-status-changed, as notification receives it.</summary>
    public ConcurrentQueue<OrderStatusChanged> StatusChanges { get; } = new();

    public ConcurrentQueue<Guid> PaymentCancels { get; } = new();

    public ConcurrentQueue<(Guid OrderId, RefundPayment Refund)> Refunds { get; } = new();

    public static async Task<CartAndPaymentStandIn> StartAsync()
    {
        CartAndPaymentStandIn? standIn = null;
        var app = await LoopbackApp.StartAsync(_ => { }, app =>
        {
            app.UseCloudEvents();
            Map(app, () => standIn!);
        });
        standIn = new CartAndPaymentStandIn(app);
        return standIn;
    }

    /// <summary>Gives the user a cart of these lines (a new revision each time).</summary>
    public CartSnapshot PutCart(Guid userId, params CartSnapshotLine[] lines)
    {
        var cart = new CartSnapshot(Guid.CreateVersion7(), lines);
        _carts[userId] = cart;
        return cart;
    }

    /// <summary>The user's cart answers 500 from now on, as a cart app in trouble would.</summary>
    public void BreakCart(Guid userId) => _brokenCarts[userId] = true;

    public CartSnapshot? CartOf(Guid userId) => _carts.TryGetValue(userId, out var cart) ? cart : null;

    /// <summary>As when a webhook said the payment succeeded before ordering gave up on it.</summary>
    public void MarkSucceeded(Guid orderId) => _payments.AddOrUpdate(
        orderId, _ => throw new InvalidOperationException("no payment"), (_, view) => view with { Status = PaymentStatus.Succeeded });

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static void Map(IEndpointRouteBuilder app, Func<CartAndPaymentStandIn> standIn)
    {
        app.MapGet("/internal/carts/{userId:guid}", (Guid userId) => standIn().Cart(userId));
        app.MapPost("/internal/carts/{userId:guid}/clear", (Guid userId, ClearCheckedOutCart request) => standIn().ClearCart(userId, request.Revision));
        app.MapPost("/internal/payments", (StartPayment start) => standIn().StartPayment(start));
        app.MapPost("/internal/payments/{orderId:guid}/cancel", (Guid orderId) => standIn().CancelPayment(orderId));
        app.MapPost("/internal/payments/{orderId:guid}/refunds", (Guid orderId, RefundPayment refund) => standIn().Refund(orderId, refund));
        app.MapPost(SidecarOnlyRoutes.ForTopic(Topics.OrderStatusChanged), (OrderStatusChanged changed) =>
        {
            standIn().StatusChanges.Enqueue(changed);
            return TopicResults.Success();
        }).WithTopic(ComponentNames.PubSub, Topics.OrderStatusChanged);
        app.MapSubscribeHandler();
    }

    private IResult Cart(Guid userId) =>
        _brokenCarts.ContainsKey(userId)
            ? TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError)
            : TypedResults.Ok(CartOf(userId) ?? new CartSnapshot(Guid.Empty, []));

    private IResult ClearCart(Guid userId, Guid revision)
    {
        CartClears.Enqueue((userId, revision));
        if (_carts.TryGetValue(userId, out var cart) && cart.Revision == revision) _carts.TryRemove(new KeyValuePair<Guid, CartSnapshot>(userId, cart));
        return TypedResults.NoContent();
    }

    private IResult StartPayment(StartPayment start)
    {
        PaymentStarts.Enqueue(start);
        return TypedResults.Ok(_payments.GetOrAdd(start.OrderId, _ =>
            new PaymentView(start.OrderId, $"pi_{start.OrderId:N}", PaymentStatus.Processing, start.Amount, new Money(0, start.Amount.Currency), null, null)));
    }

    /// <summary>Like payment: a succeeded payment cannot be cancelled and is answered as it is.</summary>
    private IResult CancelPayment(Guid orderId)
    {
        PaymentCancels.Enqueue(orderId);
        if (!_payments.TryGetValue(orderId, out var view)) return TypedResults.NotFound();
        return TypedResults.Ok(view.Status == PaymentStatus.Succeeded ? view : _payments[orderId] = view with { Status = PaymentStatus.Canceled });
    }

    private IResult Refund(Guid orderId, RefundPayment refund)
    {
        Refunds.Enqueue((orderId, refund));
        var view = _payments[orderId];
        return TypedResults.Ok(_payments[orderId] = view with { Status = PaymentStatus.Refunded, Refunded = view.Amount });
    }
}
