namespace DaprShop.Payment.Stripe;

/// <summary>The real Stripe API over HTTP.</summary>
public sealed class StripeHttpClient(StripeHttpTransport transport) : IStripeClient
{
    public IPaymentIntentService PaymentIntents { get; } = new PaymentIntentService(transport);

    public IRefundService Refunds { get; } = new RefundService(transport);
}
