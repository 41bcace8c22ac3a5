using System.Net;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Payment.Stripe;
using DaprShop.Payment.Stripe.Webhooks;

namespace DaprShop.Payment.Simulated;

/// <summary>
/// Stripe test mode in-process (secret <c>payment-provider</c> = <c>simulated</c>): PaymentIntents and refunds kept in
/// payment's state store, the standard test payment methods' outcomes (stripe.md §7), idempotency keys honoured as
/// Stripe does (the first answer replayed, other parameters refused), and every outcome sent as a signed webhook by
/// <see cref="SimulatedWebhookDelivery"/>. Answers go through <see cref="StripeResponse"/>, like the real API's.
/// </summary>
public sealed class SimulatedStripe(DaprClient dapr, SimulatedWebhookOutbox outbox, SimulatedWebhookDelivery webhooks, TimeProvider clock)
    : IStripeClient, IPaymentIntentService, IRefundService
{
    private static readonly string[] Cancelable =
    [
        PaymentIntentStatuses.RequiresPaymentMethod, PaymentIntentStatuses.RequiresCapture, PaymentIntentStatuses.RequiresConfirmation,
        PaymentIntentStatuses.RequiresAction, PaymentIntentStatuses.Processing,
    ];

    // Stripe prunes idempotency keys once they are 24 hours old (stripe.md §3); so does the simulator.
    private static readonly IReadOnlyDictionary<string, string> KeyLifetime = new Dictionary<string, string>
    {
        ["ttlInSeconds"] = ((int)TimeSpan.FromHours(24).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // One request per idempotency key at a time, as Stripe serialises them (it answers a concurrent one with 409).
    private readonly SemaphoreSlim[] _keyLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public IPaymentIntentService PaymentIntents => this;

    public IRefundService Refunds => this;

    public Task<PaymentIntent> CreateAsync(PaymentIntentCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        PostAsync<PaymentIntent>("/v1/payment_intents", options, idempotencyKey, _ =>
        {
            if (options is not { Amount: > 0, Currency.Length: > 0 })
            {
                return Task.FromResult(SimulatedOutcome.InvalidRequest("parameter_missing", "Missing required param: amount or currency.", "amount"));
            }

            var intent = new PaymentIntent
            {
                Id = NewId("pi"),
                Amount = options.Amount.Value,
                Currency = options.Currency,
                Status = options.PaymentMethod is null ? PaymentIntentStatuses.RequiresPaymentMethod : PaymentIntentStatuses.RequiresConfirmation,
                CaptureMethod = options.CaptureMethod ?? "automatic",
                PaymentMethod = options.PaymentMethod,
                Metadata = options.Metadata ?? [],
                Created = clock.GetUtcNow().ToUnixTimeSeconds(),
            };
            return Task.FromResult(options.Confirm == true ? Confirm(new SimulatedIntent(intent, 0), options.PaymentMethod) : SimulatedOutcome.Ok(intent, new SimulatedIntent(intent, 0)));
        }, cancellationToken);

    public Task<PaymentIntent> ConfirmAsync(string id, PaymentIntentConfirmOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        PostAsync<PaymentIntent>($"/v1/payment_intents/{id}/confirm", options, idempotencyKey, async token =>
            await FindAsync(id, token) is { } simulated
                ? simulated.Intent.Status is PaymentIntentStatuses.RequiresPaymentMethod or PaymentIntentStatuses.RequiresConfirmation
                    ? Confirm(simulated, options.PaymentMethod ?? simulated.Intent.PaymentMethod)
                    : UnexpectedState(simulated.Intent, "confirm")
                : SimulatedOutcome.NoSuch("payment_intent", id), cancellationToken);

    public Task<PaymentIntent> CaptureAsync(string id, PaymentIntentCaptureOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        PostAsync<PaymentIntent>($"/v1/payment_intents/{id}/capture", options, idempotencyKey, async token =>
        {
            if (await FindAsync(id, token) is not { } simulated) return SimulatedOutcome.NoSuch("payment_intent", id);
            if (simulated.Intent.Status != PaymentIntentStatuses.RequiresCapture) return UnexpectedState(simulated.Intent, "capture");
            var captured = simulated.Intent with
            {
                Status = PaymentIntentStatuses.Succeeded,
                AmountReceived = options.AmountToCapture ?? simulated.Intent.AmountCapturable,
                AmountCapturable = 0,
            };
            return SimulatedOutcome.Ok(captured, simulated with { Intent = captured }, (StripeEventTypes.PaymentIntentSucceeded, captured));
        }, cancellationToken);

    public Task<PaymentIntent> CancelAsync(string id, PaymentIntentCancelOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        PostAsync<PaymentIntent>($"/v1/payment_intents/{id}/cancel", options, idempotencyKey, async token =>
        {
            if (await FindAsync(id, token) is not { } simulated) return SimulatedOutcome.NoSuch("payment_intent", id);
            if (!Cancelable.Contains(simulated.Intent.Status)) return UnexpectedState(simulated.Intent, "cancel");
            var canceled = simulated.Intent with
            {
                Status = PaymentIntentStatuses.Canceled, CancellationReason = options.CancellationReason, AmountCapturable = 0,
            };
            return SimulatedOutcome.Ok(canceled, simulated with { Intent = canceled }, (StripeEventTypes.PaymentIntentCanceled, canceled));
        }, cancellationToken);

    public async Task<PaymentIntent> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) is { } simulated
            ? simulated.Intent
            : throw new StripeException(HttpStatusCode.NotFound, new StripeError
            {
                Type = StripeErrorTypes.InvalidRequestError, Code = "resource_missing", Message = $"No such payment_intent: '{id}'",
            });

    public Task<Refund> CreateAsync(RefundCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        PostAsync<Refund>("/v1/refunds", options, idempotencyKey, async token =>
        {
            if (options.PaymentIntent is null || await FindAsync(options.PaymentIntent, token) is not { } simulated)
            {
                return SimulatedOutcome.NoSuch("payment_intent", options.PaymentIntent ?? "");
            }

            var intent = simulated.Intent;
            if (intent.Status != PaymentIntentStatuses.Succeeded) return UnexpectedState(intent, "refund");
            var remaining = intent.AmountReceived - simulated.Refunded;
            if (remaining <= 0) return SimulatedOutcome.InvalidRequest("charge_already_refunded", $"Charge {intent.LatestCharge} has already been refunded.");
            var amount = options.Amount ?? remaining;
            if (amount <= 0 || amount > remaining)
            {
                return SimulatedOutcome.InvalidRequest(
                    "amount_too_large", $"Refund amount ({amount}) is greater than the unrefunded amount on the charge ({remaining}).", "amount");
            }

            var refund = new Refund
            {
                Id = NewId("re"),
                Amount = amount,
                Currency = intent.Currency,
                PaymentIntent = intent.Id,
                Charge = intent.LatestCharge,
                Status = "succeeded",
                Reason = options.Reason,
                Metadata = options.Metadata ?? [],
                Created = clock.GetUtcNow().ToUnixTimeSeconds(),
            };
            return SimulatedOutcome.Ok(refund, simulated with { Refunded = simulated.Refunded + amount }, (StripeEventTypes.RefundCreated, refund));
        }, cancellationToken);

    /// <summary>A confirmation with a test payment method: succeeded (or requires_capture), requires_action, or a 402 decline.</summary>
    private SimulatedOutcome Confirm(SimulatedIntent simulated, string? paymentMethodId)
    {
        if (paymentMethodId is null)
        {
            return SimulatedOutcome.InvalidRequest("parameter_missing", "You must provide a payment method to confirm this PaymentIntent.", "payment_method");
        }

        if (TestPaymentMethod.Find(paymentMethodId) is not { } method)
        {
            return SimulatedOutcome.InvalidRequest("resource_missing", $"No such PaymentMethod: '{paymentMethodId}'", "payment_method");
        }

        var intent = simulated.Intent with { PaymentMethod = paymentMethodId };
        if (method.RequiresAction)
        {
            var waiting = intent with { Status = PaymentIntentStatuses.RequiresAction };
            return SimulatedOutcome.Ok(waiting, simulated with { Intent = waiting }, (StripeEventTypes.PaymentIntentRequiresAction, waiting));
        }

        if (method.Declines)
        {
            var error = new StripeError { Type = StripeErrorTypes.CardError, Code = method.Code, DeclineCode = method.DeclineCode, Message = method.Message };
            var failed = intent with { Status = PaymentIntentStatuses.RequiresPaymentMethod, LastPaymentError = error, LatestCharge = NewId("ch") };
            return SimulatedOutcome.Error(
                HttpStatusCode.PaymentRequired, error with { PaymentIntent = failed }, simulated with { Intent = failed },
                (StripeEventTypes.PaymentIntentPaymentFailed, failed));
        }

        var charged = intent with { LatestCharge = NewId("ch"), LastPaymentError = null };
        if (intent.CaptureMethod == "manual")
        {
            var authorized = charged with { Status = PaymentIntentStatuses.RequiresCapture, AmountCapturable = intent.Amount };
            return SimulatedOutcome.Ok(authorized, simulated with { Intent = authorized }, ("payment_intent.amount_capturable_updated", authorized));
        }

        var succeeded = charged with { Status = PaymentIntentStatuses.Succeeded, AmountReceived = intent.Amount };
        return SimulatedOutcome.Ok(succeeded, simulated with { Intent = succeeded }, (StripeEventTypes.PaymentIntentSucceeded, succeeded));
    }

    private static SimulatedOutcome UnexpectedState(PaymentIntent intent, string action) =>
        SimulatedOutcome.InvalidRequest(
            "payment_intent_unexpected_state", $"You cannot {action} this PaymentIntent because it has a status of {intent.Status}.");

    /// <summary>
    /// Replays the stored answer for a known key (and re-sends its webhooks, which the receiver dedupes, so a caller
    /// retrying after a crash also recovers a lost delivery); otherwise runs the request and saves the intent and the
    /// answer in one transaction before any webhook leaves.
    /// </summary>
    private async Task<T> PostAsync<T>(string path, object options, string idempotencyKey, Func<CancellationToken, Task<SimulatedOutcome>> execute, CancellationToken cancellationToken)
    {
        var fingerprint = $"{path}?{FormEncoder.Encode(options)}";
        var keyLock = _keyLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(idempotencyKey) % _keyLocks.Length)];
        await keyLock.WaitAsync(cancellationToken);
        StoredResponse response;
        try
        {
            var key = StoredResponse.KeyOf(idempotencyKey);
            response = await dapr.GetStateAsync<StoredResponse>(ComponentNames.StateStore, key, cancellationToken: cancellationToken)
                ?? await ExecuteAsync(key, fingerprint, idempotencyKey, execute, cancellationToken);
        }
        finally
        {
            keyLock.Release();
        }

        if (response.Fingerprint != fingerprint)
        {
            throw new StripeException(HttpStatusCode.BadRequest, new StripeError
            {
                Type = StripeErrorTypes.IdempotencyError,
                Message = "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                    + $"Try using a key other than '{idempotencyKey}' if you meant to execute a different request.",
            });
        }

        foreach (var webhook in response.Events) webhooks.Enqueue(BucketOf(idempotencyKey), webhook);
        return StripeResponse.Read<T>((HttpStatusCode)response.Status, response.Body);
    }

    private async Task<StoredResponse> ExecuteAsync(
        string key, string fingerprint, string idempotencyKey, Func<CancellationToken, Task<SimulatedOutcome>> execute, CancellationToken cancellationToken)
    {
        var outcome = await execute(cancellationToken);
        var events = outcome.Events.Select(stripeEvent => EventOf(stripeEvent.Type, stripeEvent.Object, idempotencyKey)).ToList();
        var response = new StoredResponse(fingerprint, (int)outcome.Status, JsonSerializer.Serialize(outcome.Body, StripeJson.Options), events);
        var writes = new List<StateTransactionRequest> { Upsert(key, response, KeyLifetime) };
        if (outcome.Save is { } save) writes.Add(Upsert(SimulatedIntent.KeyOf(save.Intent.Id), save));
        await outbox.SaveWithAsync(BucketOf(idempotencyKey), writes, events, cancellationToken);
        return response;
    }

    /// <summary>Stable across processes (unlike string.GetHashCode), so a replay after a restart names the same bucket.</summary>
    private static int BucketOf(string idempotencyKey) =>
        (int)(idempotencyKey.Aggregate(17u, (hash, character) => unchecked((hash * 31) + character)) % SimulatedWebhookOutbox.BucketCount);

    private StateTransactionRequest Upsert<TValue>(string key, TValue value, IReadOnlyDictionary<string, string>? metadata = null) =>
        new(key, JsonSerializer.SerializeToUtf8Bytes(value, dapr.JsonSerializerOptions), StateOperationType.Upsert, metadata: metadata);

    private Task<SimulatedIntent?> FindAsync(string intentId, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<SimulatedIntent>(ComponentNames.StateStore, SimulatedIntent.KeyOf(intentId), cancellationToken: cancellationToken);

    /// <summary>The event object Stripe would POST: data.object is the resource as it stands after the request.</summary>
    private SimulatedWebhookOutbox.PendingWebhook EventOf(string type, object resource, string idempotencyKey)
    {
        var id = NewId("evt");
        return new SimulatedWebhookOutbox.PendingWebhook(id, JsonSerializer.Serialize(
            new
            {
                id,
                @object = "event",
                api_version = StripeClientOptions.ApiVersion,
                created = clock.GetUtcNow().ToUnixTimeSeconds(),
                livemode = false,
                type,
                data = new { @object = JsonSerializer.SerializeToElement(resource, resource.GetType(), StripeJson.Options) },
                request = new { id = NewId("req"), idempotency_key = idempotencyKey },
                pending_webhooks = 1,
            },
            StripeJson.Options));
    }

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 25)];
}
