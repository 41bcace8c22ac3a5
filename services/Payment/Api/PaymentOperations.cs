using DaprShop.Contracts.Payment;
using DaprShop.Payment.Domain;
using DaprShop.Payment.Persistence;
using DaprShop.Payment.Provider;
using DaprShop.Payment.Stripe;

namespace DaprShop.Payment.Api;

/// <summary>
/// Ordering's payment operations on Stripe (real or simulated). Each sends a Stripe idempotency key derived from the
/// order (and refund) id, so a retry after any failure repeats nothing at Stripe, and records the answer in the ledger.
/// Outcomes are published from webhooks only (<see cref="Webhooks.StripeWebhookProcessor"/>).
/// </summary>
public sealed class PaymentOperations(PaymentLedgerStore ledgers, PaymentProvider provider, ILogger<PaymentOperations> logger)
{
    private static readonly string[] StripeRefundReasons = ["duplicate", "fraudulent", "requested_by_customer"];

    public async Task<PaymentResult> StartAsync(StartPayment start, CancellationToken cancellationToken)
    {
        var read = await ledgers.ReadAsync(start.OrderId, cancellationToken);
        if (read.Ledger is { } known) return SameOrConflict(known, start);

        var stripe = await provider.GetAsync(cancellationToken);
        PaymentIntent intent;
        try
        {
            intent = await stripe.PaymentIntents.CreateAsync(
                new PaymentIntentCreateOptions
                {
                    Amount = start.Amount.Amount,
                    Currency = start.Amount.Currency.ToLowerInvariant(),
                    PaymentMethod = start.PaymentMethodId,
                    Confirm = true,
                    // Server-side confirmation cannot follow a redirect; methods that need one fail instead.
                    AutomaticPaymentMethods = new AutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
                    Metadata = new() { [MetadataKeys.OrderId] = start.OrderId.ToString(), [MetadataKeys.UserId] = start.UserId.ToString() },
                },
                idempotencyKey: start.OrderId.ToString(),
                cancellationToken);
        }
        catch (StripeException exception) when (exception.StripeError.PaymentIntent is { } declined)
        {
            // A decline still leaves a PaymentIntent; its payment_failed webhook publishes the outcome.
            intent = declined;
        }
        catch (StripeException exception) when (exception.StripeError.Type == StripeErrorTypes.IdempotencyError)
        {
            // The ledger was lost or not yet written, but Stripe remembers the order id with other parameters.
            return StartedWithOtherDetails(start.OrderId);
        }
        catch (StripeException exception) when (exception.StripeError.Type is StripeErrorTypes.InvalidRequestError or StripeErrorTypes.CardError)
        {
            return PaymentResult.Problem(StatusCodes.Status422UnprocessableEntity, "Payment refused", exception.StripeError.Message ?? "Stripe refused the payment.");
        }

        var ledger = await ledgers.UpdateAsync(start.OrderId, current => current ?? PaymentLedger.Open(start.OrderId, start.UserId, intent), cancellationToken, read);
        logger.LogInformation("Payment {PaymentIntentId} for order {OrderId} is {Status}", intent.Id, start.OrderId, ledger!.Status);
        return SameOrConflict(ledger, start);
    }

    public async Task<PaymentResult> GetAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await ledgers.ReadAsync(orderId, cancellationToken)).Ledger is { } ledger ? PaymentResult.Of(ledger.ToView()) : PaymentResult.NoPayment(orderId);

    /// <summary>Cancels an intent that has not succeeded (the compensation for an unpaid order); a succeeded one needs a refund.</summary>
    public async Task<PaymentResult> CancelAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var read = await ledgers.ReadAsync(orderId, cancellationToken);
        if (read.Ledger is not { } ledger) return PaymentResult.NoPayment(orderId);
        if (ledger.Status == PaymentStatus.Canceled) return PaymentResult.Of(ledger.ToView());
        if (IsPaid(ledger)) return PaidAlready(orderId);

        var stripe = await provider.GetAsync(cancellationToken);
        PaymentIntent intent;
        try
        {
            intent = await stripe.PaymentIntents.CancelAsync(
                ledger.PaymentIntentId, new PaymentIntentCancelOptions { CancellationReason = "abandoned" }, $"{orderId}-cancel", cancellationToken);
        }
        catch (StripeException exception) when (exception.StripeError.Code == "payment_intent_unexpected_state")
        {
            // It succeeded (or was canceled) at Stripe before its webhook got here: take Stripe's word for the status.
            intent = await stripe.PaymentIntents.GetAsync(ledger.PaymentIntentId, cancellationToken);
        }

        ledger = (await ledgers.UpdateAsync(orderId, current => current!.WithIntent(intent), cancellationToken, read))!;
        logger.LogInformation("Cancel of payment {PaymentIntentId} for order {OrderId}: {Status}", intent.Id, orderId, ledger.Status);
        return IsPaid(ledger) ? PaidAlready(orderId) : PaymentResult.Of(ledger.ToView());
    }

    public async Task<PaymentResult> RefundAsync(Guid orderId, RefundPayment request, CancellationToken cancellationToken)
    {
        var read = await ledgers.ReadAsync(orderId, cancellationToken);
        if (read.Ledger is not { } ledger) return PaymentResult.NoPayment(orderId);
        if (ledger.Refunds.Any(refund => refund.RefundId == request.RefundId)) return PaymentResult.Of(ledger.ToView());
        if (request.Amount is { } asked && asked.Currency != ledger.Amount.Currency)
        {
            return PaymentResult.Problem(StatusCodes.Status400BadRequest, "Wrong currency", $"Order {orderId} was paid in {ledger.Amount.Currency}.");
        }

        var amount = request.Amount?.Amount ?? ledger.RefundableAmount;
        if (amount <= 0 || amount > ledger.RefundableAmount)
        {
            return PaymentResult.Problem(
                StatusCodes.Status409Conflict, "Nothing to refund",
                $"Order {orderId}'s payment is {ledger.Status} with {ledger.RefundableAmount} refundable; {amount} was asked for.");
        }

        var stripe = await provider.GetAsync(cancellationToken);
        Refund refund;
        try
        {
            refund = await stripe.Refunds.CreateAsync(
                new RefundCreateOptions
                {
                    PaymentIntent = ledger.PaymentIntentId,
                    Amount = amount,
                    Reason = StripeRefundReasons.Contains(request.Reason) ? request.Reason : null,
                    Metadata = new() { [MetadataKeys.OrderId] = orderId.ToString(), [MetadataKeys.RefundId] = request.RefundId, ["reason"] = request.Reason },
                },
                $"{orderId}-refund-{request.RefundId}",
                cancellationToken);
        }
        catch (StripeException exception) when (exception.StripeError.Type is StripeErrorTypes.InvalidRequestError or StripeErrorTypes.IdempotencyError)
        {
            return PaymentResult.Problem(StatusCodes.Status409Conflict, "Refund refused", exception.StripeError.Message ?? "Stripe refused the refund.");
        }

        ledger = (await ledgers.UpdateAsync(
            orderId, current => current!.WithRefund(new LedgerRefund(request.RefundId, refund.Id, refund.Amount, refund.Status)), cancellationToken, read))!;
        logger.LogInformation("Refund {RefundId} of {Amount} for order {OrderId}: {Status}", refund.Id, refund.Amount, orderId, refund.Status);
        return PaymentResult.Of(ledger.ToView());
    }

    private static bool IsPaid(PaymentLedger ledger) => ledger.Status is PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

    private static PaymentResult PaidAlready(Guid orderId) =>
        PaymentResult.Problem(StatusCodes.Status409Conflict, "Payment succeeded", $"Order {orderId}'s payment succeeded; refund it instead of canceling.");

    private static PaymentResult SameOrConflict(PaymentLedger ledger, StartPayment start) =>
        ledger.Amount == start.Amount && ledger.UserId == start.UserId
            ? PaymentResult.Of(ledger.ToView())
            : StartedWithOtherDetails(start.OrderId);

    private static PaymentResult StartedWithOtherDetails(Guid orderId) =>
        PaymentResult.Problem(StatusCodes.Status409Conflict, "Payment already started", $"Order {orderId} was already paid for with other details.");
}
