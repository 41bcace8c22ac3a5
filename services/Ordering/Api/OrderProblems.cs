using DaprShop.Contracts.Ordering;
using DaprShop.Ordering.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Ordering.Api;

/// <summary>The problem details ordering answers with.</summary>
public static class OrderProblems
{
    public static ProblemHttpResult MissingIdempotencyKey() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key required",
            detail: $"Send an {CheckoutKey.HeaderName} header (a fresh UUID per checkout attempt, printable ASCII, at most {CheckoutKey.MaxLength} characters), so a retried request cannot order twice.");

    public static ProblemHttpResult KeyReused() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key reused",
            detail: $"This {CheckoutKey.HeaderName} was already used for a different checkout request; use a new key for a new checkout.");

    public static ProblemHttpResult CartNotOrderable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The cart cannot be ordered", detail: detail);

    /// <summary>Cart could not answer: nothing was ordered, the same request may be retried with the same key.</summary>
    public static ProblemHttpResult CartUnavailable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
            detail: "The cart could not be read; nothing was ordered. Retry shortly with the same Idempotency-Key.");

    /// <summary>Also for orders of other shoppers: whether an order id exists is nobody else's business.</summary>
    public static ProblemHttpResult NotFound(Guid orderId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such order", detail: $"There is no order {orderId} of yours.");

    public static ProblemHttpResult WrongStatus(OrderStatus status, string action) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in this status", detail: $"An order that is {status} cannot be {action}.");
}
