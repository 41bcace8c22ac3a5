using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Contracts.Ordering;
using DaprShop.Dapr;
using DaprShop.Ordering.Checkout;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DaprShop.Ordering.Api;

/// <summary>
/// Turns the caller's cart into a Pending order and starts its <see cref="CheckoutWorkflow"/>. The order id comes from
/// (user, Idempotency-Key), so a retried request finds the order it already placed instead of placing another.
/// </summary>
internal sealed class CheckoutService(
    DaprClient dapr, OrderStore orders, DaprWorkflowClient workflows, IOptions<OrderingOptions> options, TimeProvider clock,
    ILogger<CheckoutService> logger)
{
    public async Task<Results<Accepted<CheckoutAccepted>, ProblemHttpResult>> CheckoutAsync(
        Guid userId, string idempotencyKey, CheckoutRequest request, CancellationToken cancellationToken)
    {
        var orderId = CheckoutKey.OrderIdFor(userId, idempotencyKey);
        var requestHash = CheckoutKey.HashOf(request);

        // The cart first, not the order: a new checkout (nearly all of them) then reads no order that is not there. A
        // replay finds its order when the cart cannot be ordered (its checkout emptied it) or when saving collides.
        CartSnapshot cart;
        try
        {
            cart = (await dapr.InvokeMethodAsync<CartSnapshot>(HttpMethod.Get, AppIds.Cart, $"internal/carts/{userId}", cancellationToken))!;
        }
        catch (InvocationException exception)
        {
            logger.LogWarning(exception, "The cart of user {UserId} could not be read for checkout", userId);
            return await ReplayIfPlacedAsync(orderId, requestHash, cancellationToken) ?? OrderProblems.CartUnavailable();
        }

        if (NotOrderableBecause(cart) is { } reason)
        {
            return await ReplayIfPlacedAsync(orderId, requestHash, cancellationToken) ?? OrderProblems.CartNotOrderable(reason);
        }

        var lines = cart.Lines.Select(line => new OrderLine(line.Sku, line.ProductName, line.Options, line.Quantity, line.UnitPrice)).ToArray();
        var order = Order.Place(orderId, userId, lines, request.ShippingAddress!, request.PaymentMethodId!, cart.Revision, requestHash, clock.GetUtcNow());
        if (!await orders.TryCreateAsync(order, cancellationToken))
        {
            // An earlier or concurrent request with the same key placed it.
            return (await ReplayIfPlacedAsync(orderId, requestHash, cancellationToken))!;
        }

        // The order was just created, so no instance with its id can exist yet: no need for StartOnce's check.
        await workflows.ScheduleNewWorkflowAsync(nameof(CheckoutWorkflow), orderId.ToString(), InputFor(orderId));
        return Accepted(order);
    }

    private async Task<Results<Accepted<CheckoutAccepted>, ProblemHttpResult>?> ReplayIfPlacedAsync(
        Guid orderId, string requestHash, CancellationToken cancellationToken) =>
        await orders.GetAsync(orderId, cancellationToken) is { } placed ? await ReplayAsync(placed, requestHash, cancellationToken) : null;

    /// <summary>The same key again: the same request gets the same order (its workflow started, if a crash stopped that); another request is refused.</summary>
    private async Task<Results<Accepted<CheckoutAccepted>, ProblemHttpResult>> ReplayAsync(Order placed, string requestHash, CancellationToken cancellationToken)
    {
        if (placed.RequestHash != requestHash) return OrderProblems.KeyReused();
        await orders.EnsureListedAsync(placed, cancellationToken);
        if (placed.Status == OrderStatus.Pending) await StartWorkflowAsync(placed.Id, cancellationToken);
        return Accepted(placed);
    }

    private Task StartWorkflowAsync(Guid orderId, CancellationToken cancellationToken) =>
        workflows.StartOnceAsync(nameof(CheckoutWorkflow), orderId.ToString(), InputFor(orderId), cancellationToken);

    private CheckoutInput InputFor(Guid orderId) => new(orderId, options.Value.PaymentTimeout);

    private static string? NotOrderableBecause(CartSnapshot cart)
    {
        if (cart.Lines.Count == 0) return "The cart is empty.";
        if (cart.Lines.FirstOrDefault(line => line.Archived) is { } archived)
        {
            return $"{archived.ProductName} ({archived.Sku}) is no longer sold; remove it from the cart.";
        }

        return cart.Lines.Select(line => line.UnitPrice.Currency).Distinct(StringComparer.Ordinal).Count() > 1
            ? "The cart's items are priced in more than one currency; an order is paid in one."
            : null;
    }

    /// <summary>Location is relative (like catalog's), so it resolves to the order behind the gateway too: <c>.../orders/checkout</c> → <c>.../orders/{id}</c>.</summary>
    private static Accepted<CheckoutAccepted> Accepted(Order order) =>
        TypedResults.Accepted(order.Id.ToString(), new CheckoutAccepted(order.Id, order.Status));
}
