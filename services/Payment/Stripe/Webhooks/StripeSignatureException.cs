namespace DaprShop.Payment.Stripe.Webhooks;

/// <summary>A webhook whose <c>Stripe-Signature</c> does not prove it came from Stripe, now, unaltered.</summary>
public sealed class StripeSignatureException(string message) : Exception(message);
