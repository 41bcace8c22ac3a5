namespace DaprShop.Payment.Stripe;

/// <summary>Stripe's <c>/v1/payment_intents</c> endpoints.</summary>
public sealed class PaymentIntentService(StripeHttpTransport transport) : IPaymentIntentService
{
    private const string Path = "/v1/payment_intents";

    public Task<PaymentIntent> CreateAsync(PaymentIntentCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        transport.PostAsync<PaymentIntent>(Path, options, idempotencyKey, cancellationToken);

    public Task<PaymentIntent> ConfirmAsync(string id, PaymentIntentConfirmOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        transport.PostAsync<PaymentIntent>($"{Path}/{Uri.EscapeDataString(id)}/confirm", options, idempotencyKey, cancellationToken);

    public Task<PaymentIntent> CaptureAsync(string id, PaymentIntentCaptureOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        transport.PostAsync<PaymentIntent>($"{Path}/{Uri.EscapeDataString(id)}/capture", options, idempotencyKey, cancellationToken);

    public Task<PaymentIntent> CancelAsync(string id, PaymentIntentCancelOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        transport.PostAsync<PaymentIntent>($"{Path}/{Uri.EscapeDataString(id)}/cancel", options, idempotencyKey, cancellationToken);

    public Task<PaymentIntent> GetAsync(string id, CancellationToken cancellationToken = default) =>
        transport.GetAsync<PaymentIntent>($"{Path}/{Uri.EscapeDataString(id)}", cancellationToken);
}
