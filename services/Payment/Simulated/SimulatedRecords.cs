using DaprShop.Payment.Stripe;

namespace DaprShop.Payment.Simulated;

/// <summary>A simulated PaymentIntent as the simulator keeps it (state key <c>simulated-intent:{id}</c>).</summary>
public sealed record SimulatedIntent(PaymentIntent Intent, long Refunded)
{
    public static string KeyOf(string intentId) => $"simulated-intent:{intentId}";
}

/// <summary>
/// The first answer given to an idempotency key (state key <c>simulated-idempotency:{key}</c>), replayed to every later
/// request with that key as Stripe does, 4xx included, together with the webhook events the request caused.
/// </summary>
/// <param name="Fingerprint">Path and form body: a reuse with other parameters is an <c>idempotency_error</c>.</param>
public sealed record StoredResponse(string Fingerprint, int Status, string Body, IReadOnlyList<SimulatedWebhookOutbox.PendingWebhook> Events)
{
    public static string KeyOf(string idempotencyKey) => $"simulated-idempotency:{idempotencyKey}";
}
