using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Payment.Stripe;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Payment.Api;

/// <summary>
/// Ordering's internal payment endpoints under <c>/internal/payments</c>: start (create and confirm a PaymentIntent),
/// read, cancel and refund an order's payment. Only app id <c>ordering</c> may call them.
/// </summary>
public static class PaymentsApi
{
    public const string Path = InternalRoutes.Prefix + "/payments";

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder endpoints)
    {
        var payments = endpoints.MapGroup(Path)
            .WithTags("Internal")
            .RequireDaprCallerApp(AppIds.Ordering)
            .AddEndpointFilter(ProviderFailuresAsBadGateway)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        payments.MapPost("", (StartPayment start, PaymentOperations operations, CancellationToken cancellationToken) =>
                Answer(operations.StartAsync(start, cancellationToken)))
            .WithName("StartPayment")
            .WithValidation<StartPayment>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        payments.MapGet("{orderId:guid}", (Guid orderId, PaymentOperations operations, CancellationToken cancellationToken) =>
                Answer(operations.GetAsync(orderId, cancellationToken)))
            .WithName("GetPayment")
            .ProducesProblem(StatusCodes.Status404NotFound);

        payments.MapPost("{orderId:guid}/cancel", (Guid orderId, PaymentOperations operations, CancellationToken cancellationToken) =>
                Answer(operations.CancelAsync(orderId, cancellationToken)))
            .WithName("CancelPayment")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        payments.MapPost("{orderId:guid}/refunds", (Guid orderId, RefundPayment refund, PaymentOperations operations, CancellationToken cancellationToken) =>
                Answer(operations.RefundAsync(orderId, refund, cancellationToken)))
            .WithName("RefundPayment")
            .WithValidation<RefundPayment>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return endpoints;
    }

    /// <summary>
    /// Stripe failed in a way the operation has no answer for (down, rate limited, refusing the key, after the
    /// client's retries): not this app's bug, and ordering retries with the same idempotency keys.
    /// </summary>
    private static async ValueTask<object?> ProviderFailuresAsBadGateway(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StripeException exception)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentsApi))
                .LogWarning("Stripe failed: {Error}", exception.Message);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway, title: "Payment provider failed", detail: exception.StripeError.Message ?? "Stripe did not answer usefully.");
        }
    }

    private static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> Answer(Task<PaymentResult> operation)
    {
        var result = await operation;
        return result.View is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(statusCode: result.Status, title: result.Title, detail: result.Detail);
    }
}
