using System.Security.Claims;
using DaprShop.Ordering.Domain;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DaprShop.Ordering.Api;

/// <summary><c>POST /orders/checkout</c> (public: <c>/api/ordering/orders/checkout</c>): order the signed-in shopper's cart.</summary>
public static class CheckoutApi
{
    public static IEndpointRouteBuilder MapCheckoutApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/orders/checkout", CheckoutAsync)
            .WithName("Checkout")
            .WithTags("Orders")
            .RequireAuthorization(AuthPolicies.SignedIn)
            .WithValidation<CheckoutRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Accepted<CheckoutAccepted>, ProblemHttpResult>> CheckoutAsync(
        CheckoutRequest request, [FromHeader(Name = CheckoutKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user,
        CheckoutService checkout, CancellationToken cancellationToken) =>
        CheckoutKey.IsWellFormed(idempotencyKey)
            ? await checkout.CheckoutAsync(user.GetUserId()!.Value, idempotencyKey!, request, cancellationToken)
            : OrderProblems.MissingIdempotencyKey();
}
