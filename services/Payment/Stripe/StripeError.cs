namespace DaprShop.Payment.Stripe;

/// <summary>The <c>error</c> object of a non-200 Stripe response (stripe.md §2).</summary>
public sealed record StripeError
{
    /// <summary><c>api_error</c>, <c>card_error</c>, <c>idempotency_error</c> or <c>invalid_request_error</c>.</summary>
    public string? Type { get; init; }

    public string? Code { get; init; }

    public string? DeclineCode { get; init; }

    public string? Message { get; init; }

    public string? Param { get; init; }

    /// <summary>The PaymentIntent a decline concerns: it still exists, so its id must be kept.</summary>
    public PaymentIntent? PaymentIntent { get; init; }
}
