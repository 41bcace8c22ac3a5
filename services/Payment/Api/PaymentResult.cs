using DaprShop.Contracts.Payment;

namespace DaprShop.Payment.Api;

/// <summary>The answer to an internal payment call: the payment, or a problem (status, title, detail).</summary>
public sealed record PaymentResult(PaymentView? View, int Status = StatusCodes.Status200OK, string? Title = null, string? Detail = null)
{
    public static PaymentResult Of(PaymentView view) => new(view);

    public static PaymentResult Problem(int status, string title, string detail) => new(null, status, title, detail);

    public static PaymentResult NoPayment(Guid orderId) =>
        Problem(StatusCodes.Status404NotFound, "No payment", $"Order {orderId} has no payment.");
}
