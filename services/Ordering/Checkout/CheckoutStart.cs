namespace DaprShop.Ordering.Checkout;

/// <summary>How a checkout's first step ended: short of stock (nothing is left reserved), or paying with the payment's state.</summary>
public sealed record CheckoutStart(string? StockShortage, PaymentState? Payment)
{
    public static CheckoutStart ShortOfStock(string reason) => new(reason, Payment: null);

    public static CheckoutStart Paying(PaymentState payment) => new(StockShortage: null, payment);
}
