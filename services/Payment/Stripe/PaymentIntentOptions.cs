namespace DaprShop.Payment.Stripe;

/// <summary><c>POST /v1/payment_intents</c>; null members are not sent.</summary>
public sealed record PaymentIntentCreateOptions
{
    public long? Amount { get; init; }

    public string? Currency { get; init; }

    public string? PaymentMethod { get; init; }

    public bool? Confirm { get; init; }

    public string? CaptureMethod { get; init; }

    public AutomaticPaymentMethodsOptions? AutomaticPaymentMethods { get; init; }

    public Dictionary<string, string>? Metadata { get; init; }

    public List<string>? Expand { get; init; }
}

/// <summary>With <c>confirm=true</c>, Stripe needs either a return URL or <c>allow_redirects=never</c>.</summary>
public sealed record AutomaticPaymentMethodsOptions
{
    public bool? Enabled { get; init; }

    public string? AllowRedirects { get; init; }
}

/// <summary><c>POST /v1/payment_intents/{id}/confirm</c>.</summary>
public sealed record PaymentIntentConfirmOptions
{
    public string? PaymentMethod { get; init; }
}

/// <summary><c>POST /v1/payment_intents/{id}/capture</c>.</summary>
public sealed record PaymentIntentCaptureOptions
{
    public long? AmountToCapture { get; init; }
}

/// <summary><c>POST /v1/payment_intents/{id}/cancel</c>.</summary>
public sealed record PaymentIntentCancelOptions
{
    /// <summary><c>duplicate</c>, <c>fraudulent</c>, <c>requested_by_customer</c> or <c>abandoned</c>.</summary>
    public string? CancellationReason { get; init; }
}

/// <summary><c>POST /v1/refunds</c>.</summary>
public sealed record RefundCreateOptions
{
    public string? PaymentIntent { get; init; }

    /// <summary>Null refunds what is left.</summary>
    public long? Amount { get; init; }

    /// <summary><c>duplicate</c>, <c>fraudulent</c> or <c>requested_by_customer</c>.</summary>
    public string? Reason { get; init; }

    public Dictionary<string, string>? Metadata { get; init; }
}
