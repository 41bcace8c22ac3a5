namespace DaprShop.Payment.Stripe;

/// <summary>Stripe's <c>/v1/refunds</c> endpoint.</summary>
public sealed class RefundService(StripeHttpTransport transport) : IRefundService
{
    public Task<Refund> CreateAsync(RefundCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        transport.PostAsync<Refund>("/v1/refunds", options, idempotencyKey, cancellationToken);
}
