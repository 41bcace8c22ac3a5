namespace DaprShop.Ordering;

/// <summary>Checkout timing (configuration section <c>Ordering</c>).</summary>
public sealed class OrderingOptions
{
    public const string SectionName = "Ordering";

    /// <summary>How long a checkout waits for the payment's outcome before it gives up, cancels the payment and releases the stock.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How much longer than <see cref="PaymentTimeout"/> stock stays reserved, so it cannot expire while a payment may still succeed.</summary>
    public TimeSpan ReservationMargin { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan ReservationTtl => PaymentTimeout + ReservationMargin;
}
