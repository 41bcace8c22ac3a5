namespace DaprShop.Payment.Domain;

/// <summary>The metadata this shop puts on PaymentIntents and refunds, so webhooks lead back to the order.</summary>
public static class MetadataKeys
{
    public const string OrderId = "order_id";
    public const string UserId = "user_id";
    public const string RefundId = "refund_id";
}
