using System.Net;

namespace DaprShop.Payment.Stripe;

/// <summary>A Stripe request answered with an error object, or not at all after the retries ran out (status 0).</summary>
public sealed class StripeException(HttpStatusCode statusCode, StripeError error)
    : Exception($"Stripe {(statusCode == default ? "did not answer" : $"answered {(int)statusCode}")}: {error.Type}/{error.Code}{(error.DeclineCode is null ? "" : "/" + error.DeclineCode)}: {error.Message}")
{
    public HttpStatusCode HttpStatusCode { get; } = statusCode;

    public StripeError StripeError { get; } = error;
}
