using System.Security.Claims;
using DaprShop.Actors;
using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Checkout;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;
using DaprShop.ServiceDefaults.Auth;
using DaprShop.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Ordering.Api;

/// <summary>The shopper's orders (public: <c>/api/ordering/orders...</c>): list, read, cancel.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/orders").WithTags("Orders")
            .RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        orders.MapGet("/", ListMineAsync).WithName("ListMyOrders").WithValidation<OrderListQuery>().ProducesProblem(StatusCodes.Status400BadRequest);
        orders.MapGet("/{id:guid}", GetAsync).WithName("GetOrder").ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{id:guid}/cancel", CancelAsync)
            .WithName("CancelOrder")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<Ok<OrderPage>> ListMineAsync(
        [AsParameters] OrderListQuery query, ClaimsPrincipal user, OrderStore orders, CancellationToken cancellationToken)
    {
        var (items, total) = await orders.ListForUserAsync(
            user.GetUserId()!.Value, query.Status, query.PageOrDefault, query.PageSizeOrDefault, cancellationToken);
        return TypedResults.Ok(OrderPage.Of(items, total, query));
    }

    /// <summary>The owner's or, for an admin, anyone's.</summary>
    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, OrderStore orders, CancellationToken cancellationToken) =>
        await orders.GetAsync(id, cancellationToken) is { } order && (order.UserId == user.GetUserId() || user.IsAdmin())
            ? TypedResults.Ok(OrderView.From(order))
            : OrderProblems.NotFound(id);

    /// <summary>
    /// The owner cancels before shipping. An unpaid order's checkout is told (it cancels the payment, releases the
    /// stock and marks it Cancelled); a paid one is refunded and restocked by <see cref="RefundOrderWorkflow"/>, then
    /// Refunded. Both happen in the background: 202 with the order as it is now. Cancelling again is harmless.
    /// </summary>
    private static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, OrderStore orders, DaprWorkflowClient workflows, TransactionalOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await orders.GetAsync(id, cancellationToken) is not { } order || order.UserId != user.GetUserId()) return OrderProblems.NotFound(id);
        if (!OrderTransitions.IsCancellable(order.Status)) return OrderProblems.WrongStatus(order.Status, "cancelled");

        if (order.Status == OrderStatus.Paid)
        {
            await workflows.StartOnceAsync(nameof(RefundOrderWorkflow), RefundOrderWorkflow.InstanceIdFor(id), id, cancellationToken);
        }
        else
        {
            try
            {
                await workflows.RaiseEventAsync(id.ToString(), CheckoutWorkflow.PaymentOutcomeEvent, ShopperCancellation.For(order, clock.GetUtcNow()), cancellationToken);
            }
            catch (InvalidOperationException)
            {
                // Saved but its checkout never started (a crash in between): nothing is reserved or charged yet.
                order = await orders.UpdateThroughOutboxAsync(
                    id, pending => pending.Status == OrderStatus.Pending ? pending.MoveTo(OrderStatus.Cancelled, clock.GetUtcNow(), ShopperCancellation.Reason) : null,
                    outbox, cancellationToken) ?? order;
            }
        }

        // Relative to .../orders/{id}/cancel, so it names the order behind the gateway too.
        return TypedResults.Accepted($"../{id}", OrderView.From(order));
    }
}
