namespace DaprShop.Payment.Stripe.Webhooks;

public static class StripeEventTypes
{
    public const string PaymentIntentSucceeded = "payment_intent.succeeded";
    public const string PaymentIntentPaymentFailed = "payment_intent.payment_failed";
    public const string PaymentIntentRequiresAction = "payment_intent.requires_action";
    public const string PaymentIntentCanceled = "payment_intent.canceled";
    public const string RefundCreated = "refund.created";
    public const string RefundUpdated = "refund.updated";
}
