namespace DaprShop.Payment.Stripe;

/// <summary>The fields of Stripe's PaymentIntent object this shop reads (stripe.md §4).</summary>
public sealed record PaymentIntent
{
    public required string Id { get; init; }

    public string Object { get; init; } = "payment_intent";

    public long Amount { get; init; }

    /// <summary>Lower case, as Stripe sends it.</summary>
    public required string Currency { get; init; }

    public required string Status { get; init; }

    public string? CaptureMethod { get; init; }

    public long AmountCapturable { get; init; }

    public long AmountReceived { get; init; }

    public string? PaymentMethod { get; init; }

    public string? LatestCharge { get; init; }

    public StripeError? LastPaymentError { get; init; }

    public string? CancellationReason { get; init; }

    public Dictionary<string, string> Metadata { get; init; } = [];

    public long Created { get; init; }

    public bool Livemode { get; init; }
}
