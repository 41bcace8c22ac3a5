using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Persistence;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Ordering.Api;

/// <summary>Admin: every order, by status, and shipping a paid one.</summary>
public static class AdminOrdersApi
{
    public static IEndpointRouteBuilder MapAdminOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/orders").WithTags("Orders admin")
            .RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/admin", ListAsync).WithName("ListAllOrders").WithValidation<OrderListQuery>().ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapPost("/{id:guid}/ship", ShipAsync)
            .WithName("ShipOrder")
            .WithValidation<ShipOrderRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<Ok<OrderPage>> ListAsync([AsParameters] OrderListQuery query, OrderStore orders, CancellationToken cancellationToken)
    {
        var (items, total) = await orders.ListAllAsync(query.Status, query.PageOrDefault, query.PageSizeOrDefault, cancellationToken);
        return TypedResults.Ok(OrderPage.Of(items, total, query));
    }

    /// <summary>Paid → Shipped with the tracking number; shipping a shipped order again answers it as it is.</summary>
    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> ShipAsync(
        Guid id, ShipOrderRequest request, OrderStore orders, TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = await orders.UpdateAsync(
            id, order => order.Status == OrderStatus.Paid ? order.MoveTo(OrderStatus.Shipped, clock.GetUtcNow(), trackingNumber: request.TrackingNumber) : null,
            cancellationToken);
        if (order is null) return OrderProblems.NotFound(id);
        return order.Status == OrderStatus.Shipped ? TypedResults.Ok(OrderView.From(order)) : OrderProblems.WrongStatus(order.Status, "shipped");
    }
}
