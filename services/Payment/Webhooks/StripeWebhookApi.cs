using System.Text;
using DaprShop.Payment.Provider;
using DaprShop.Payment.Stripe.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Payment.Webhooks;

/// <summary><c>POST /webhooks/stripe</c>: Stripe's (or the simulated provider's) events, trusted only with a valid <c>Stripe-Signature</c>.</summary>
public static class StripeWebhookApi
{
    public const string Path = "/webhooks/stripe";

    public static IEndpointRouteBuilder MapStripeWebhookApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync)
            .WithName("ReceiveStripeWebhook")
            .WithTags("Webhooks")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    /// <summary>
    /// Verifies the signature over the exact bytes received, then applies the event before answering. Applying is a
    /// couple of state writes and a publish, well inside Stripe's patience, and a failure answers 5xx so Stripe
    /// (or the simulated delivery) retries: nothing is acknowledged that is not saved.
    /// </summary>
    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, PaymentSecrets secrets, StripeWebhookProcessor processor, TimeProvider clock, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        StripeEvent stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                payload, request.Headers[EventUtility.SignatureHeader].ToString(), await secrets.GetAsync(PaymentSecrets.WebhookSecret, cancellationToken), clock.GetUtcNow());
        }
        catch (StripeSignatureException exception)
        {
            loggerFactory.CreateLogger(typeof(StripeWebhookApi)).LogWarning("Refused a webhook: {Reason}", exception.Message);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook signature", detail: exception.Message);
        }

        await processor.ProcessAsync(stripeEvent, cancellationToken);
        return TypedResults.Ok();
    }
}
