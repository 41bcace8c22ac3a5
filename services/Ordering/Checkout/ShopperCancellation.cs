using DaprShop.Contracts.Payment;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Checkout;

/// <summary>
/// A shopper's cancel of an order that waits for payment reaches its workflow as a payment outcome that payment never
/// sends (status Canceled, this failure code), so the workflow waits for one event and compensates in one place.
/// </summary>
public static class ShopperCancellation
{
    public const string FailureCode = "cancelled_by_shopper";
    public const string Reason = "Cancelled by the shopper.";

    public static PaymentOutcome For(Order order, DateTimeOffset at) =>
        new(order.Id, PaymentIntentId: "", StripeEventId: $"shopper-cancel:{order.Id}", PaymentStatus.Canceled, order.Totals.Total, FailureCode, Reason, at);

    public static bool IsCancellation(PaymentOutcome outcome) => outcome.Status == PaymentStatus.Canceled && outcome.FailureCode == FailureCode;
}
