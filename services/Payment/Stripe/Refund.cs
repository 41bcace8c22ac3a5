namespace DaprShop.Payment.Stripe;

/// <summary>The fields of Stripe's Refund object this shop reads (stripe.md §5).</summary>
public sealed record Refund
{
    public required string Id { get; init; }

    public string Object { get; init; } = "refund";

    public long Amount { get; init; }

    public required string Currency { get; init; }

    public string? PaymentIntent { get; init; }

    public string? Charge { get; init; }

    /// <summary><c>pending</c>, <c>requires_action</c>, <c>succeeded</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public required string Status { get; init; }

    public string? Reason { get; init; }

    public string? FailureReason { get; init; }

    public Dictionary<string, string> Metadata { get; init; } = [];

    public long Created { get; init; }
}
