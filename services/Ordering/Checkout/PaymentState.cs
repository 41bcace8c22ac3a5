using DaprShop.Contracts.Payment;

namespace DaprShop.Ordering.Checkout;

/// <summary>Where the checkout's payment stands, as the workflow decides on it.</summary>
/// <param name="CancelledByShopper">The shopper cancelled the order while it waited for payment.</param>
public sealed record PaymentState(PaymentStatus Status, string? Reason, bool CancelledByShopper = false)
{
    public bool IsOpen => Status is PaymentStatus.Processing or PaymentStatus.RequiresAction;

    public static PaymentState From(PaymentOutcome outcome) =>
        ShopperCancellation.IsCancellation(outcome)
            ? new PaymentState(PaymentStatus.Canceled, ShopperCancellation.Reason, CancelledByShopper: true)
            : new PaymentState(outcome.Status, outcome.FailureMessage ?? outcome.FailureCode);
}
