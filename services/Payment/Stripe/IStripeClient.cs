namespace DaprShop.Payment.Stripe;

/// <summary>Stripe's API as this shop uses it, shaped like Stripe.net's services; real (HTTP) or simulated in-process.</summary>
public interface IStripeClient
{
    IPaymentIntentService PaymentIntents { get; }

    IRefundService Refunds { get; }
}

/// <summary>Every POST takes an idempotency key; a retry of the same logical operation must pass the same one.</summary>
public interface IPaymentIntentService
{
    Task<PaymentIntent> CreateAsync(PaymentIntentCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<PaymentIntent> ConfirmAsync(string id, PaymentIntentConfirmOptions options, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<PaymentIntent> CaptureAsync(string id, PaymentIntentCaptureOptions options, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<PaymentIntent> CancelAsync(string id, PaymentIntentCancelOptions options, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<PaymentIntent> GetAsync(string id, CancellationToken cancellationToken = default);
}

public interface IRefundService
{
    Task<Refund> CreateAsync(RefundCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default);
}
