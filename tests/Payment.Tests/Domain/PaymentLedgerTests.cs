using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Payment.Domain;
using DaprShop.Payment.Stripe;

namespace DaprShop.Payment.Tests.Domain;

public sealed class PaymentLedgerTests
{
    private static readonly Guid OrderId = Guid.CreateVersion7();
    private static readonly Guid UserId = Guid.CreateVersion7();

    private static PaymentIntent Intent(string status, StripeError? error = null) => new()
    {
        Id = "pi_1", Amount = 1000, Currency = "eur", Status = status, LatestCharge = "ch_1", LastPaymentError = error,
    };

    [Fact]
    public void Opens_with_the_amount_in_upper_case_currency_and_the_intent_status()
    {
        var ledger = PaymentLedger.Open(OrderId, UserId, Intent(PaymentIntentStatuses.Succeeded));

        Assert.Equal(new Money(1000, "EUR"), ledger.Amount);
        Assert.Equal(PaymentStatus.Succeeded, ledger.Status);
        Assert.Equal(["ch_1"], ledger.Charges);
    }

    [Fact]
    public void A_failed_attempt_keeps_the_decline_code_over_the_error_code()
    {
        var error = new StripeError { Code = "card_declined", DeclineCode = "insufficient_funds", Message = "Your card has insufficient funds." };

        var ledger = PaymentLedger.Open(OrderId, UserId, Intent(PaymentIntentStatuses.RequiresPaymentMethod, error));

        Assert.Equal((PaymentStatus.Failed, "insufficient_funds", "Your card has insufficient funds."), (ledger.Status, ledger.FailureCode, ledger.FailureMessage));
    }

    [Fact]
    public void A_late_snapshot_does_not_undo_success_or_refunds()
    {
        var refunded = PaymentLedger.Open(OrderId, UserId, Intent(PaymentIntentStatuses.Succeeded))
            .WithRefund(new LedgerRefund("r1", "re_1", 400, "succeeded"));

        var afterLateEvent = refunded.WithIntent(Intent(PaymentIntentStatuses.RequiresAction));

        Assert.Equal(PaymentStatus.PartiallyRefunded, afterLateEvent.Status);
    }

    [Fact]
    public void Refunds_add_up_to_partially_refunded_then_refunded()
    {
        var ledger = PaymentLedger.Open(OrderId, UserId, Intent(PaymentIntentStatuses.Succeeded));

        var partly = ledger.WithRefund(new LedgerRefund("r1", "re_1", 300, "succeeded"));
        var fully = partly.WithRefund(new LedgerRefund("r2", "re_2", 700, "pending"));

        Assert.Equal((PaymentStatus.PartiallyRefunded, 300L, 700L), (partly.Status, partly.RefundedAmount, partly.RefundableAmount));
        Assert.Equal((PaymentStatus.Refunded, 1000L, 0L), (fully.Status, fully.RefundedAmount, fully.RefundableAmount));
        Assert.Equal(new Money(1000, "EUR"), fully.ToView().Refunded);
    }

    [Fact]
    public void The_same_stripe_refund_reported_twice_counts_once_and_keeps_the_callers_id()
    {
        var ledger = PaymentLedger.Open(OrderId, UserId, Intent(PaymentIntentStatuses.Succeeded))
            .WithRefund(new LedgerRefund("order-cancel", "re_1", 300, "pending"))
            .WithRefund(new LedgerRefund("re_1", "re_1", 300, "succeeded"));

        var refund = Assert.Single(ledger.Refunds);
        Assert.Equal(("order-cancel", "succeeded"), (refund.RefundId, refund.Status));
        Assert.Equal(300, ledger.RefundedAmount);
    }

    [Fact]
    public void A_failed_refund_gives_the_amount_back()
    {
        var ledger = PaymentLedger.Open(OrderId, UserId, Intent(PaymentIntentStatuses.Succeeded))
            .WithRefund(new LedgerRefund("r1", "re_1", 1000, "succeeded"))
            .WithRefund(new LedgerRefund("r1", "re_1", 1000, "failed"));

        Assert.Equal((PaymentStatus.Succeeded, 1000L), (ledger.Status, ledger.RefundableAmount));
    }

    [Fact]
    public void Nothing_is_refundable_before_the_payment_succeeded()
    {
        Assert.Equal(0, PaymentLedger.Open(OrderId, UserId, Intent(PaymentIntentStatuses.RequiresAction)).RefundableAmount);
    }
}
