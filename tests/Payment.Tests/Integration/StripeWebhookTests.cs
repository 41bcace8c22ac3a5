using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Payment.Stripe.Webhooks;

namespace DaprShop.Payment.Tests.Integration;

/// <summary>Hand-signed events POSTed to <c>/webhooks/stripe</c> through the sidecar, as Stripe's would arrive through the gateway.</summary>
[Collection(PaymentAppCollection.Name)]
public sealed class StripeWebhookTests(PaymentAppFixture payment)
{
    [Fact]
    public async Task An_event_delivered_twice_is_applied_and_published_once()
    {
        var (orderId, intentId) = await StartAwaitingAuthenticationAsync();
        var succeeded = SucceededEvent("evt_duplicate_" + Guid.NewGuid().ToString("N"), orderId, intentId);

        await DeliverAsync(succeeded, Sign(succeeded));
        await DeliverAsync(succeeded, Sign(succeeded));
        // A later event on the same topic: once it has arrived, a second publish of the duplicate would have too.
        var (markerOrderId, markerIntentId) = await StartAwaitingAuthenticationAsync();
        var marker = SucceededEvent("evt_marker_" + Guid.NewGuid().ToString("N"), markerOrderId, markerIntentId);
        await DeliverAsync(marker, Sign(marker));
        await payment.WaitForOutcomesAsync(markerOrderId, Topics.PaymentSucceeded);

        var outcome = Assert.Single(payment.OutcomesFor(orderId, Topics.PaymentSucceeded));
        Assert.Equal((intentId, PaymentStatus.Succeeded), (outcome.PaymentIntentId, outcome.Status));
        using var ledger = await payment.AsOrdering.GetAsync($"internal/payments/{orderId}");
        Assert.Equal(PaymentStatus.Succeeded, (await ledger.Content.ReadFromJsonAsync<PaymentView>())!.Status);
    }

    [Fact]
    public async Task A_signed_event_naming_the_order_but_another_intent_or_amount_changes_nothing()
    {
        var (orderId, intentId) = await StartAwaitingAuthenticationAsync();
        var otherIntent = SucceededEvent("evt_other_intent_" + Guid.NewGuid().ToString("N"), orderId, "pi_someone_elses");
        var otherAmount = SucceededEvent("evt_other_amount_" + Guid.NewGuid().ToString("N"), orderId, intentId).Replace("\"amount\":2599", "\"amount\":1", StringComparison.Ordinal);

        await DeliverAsync(otherIntent, Sign(otherIntent));
        await DeliverAsync(otherAmount, Sign(otherAmount));

        await AssertStillAwaitingAuthenticationAsync(orderId);
    }

    [Fact]
    public async Task An_event_signed_with_another_secret_is_refused()
    {
        var (orderId, intentId) = await StartAwaitingAuthenticationAsync();
        var succeeded = SucceededEvent("evt_forged_" + Guid.NewGuid().ToString("N"), orderId, intentId);

        await AssertRefusedAsync(succeeded, EventUtility.GenerateSignatureHeader(succeeded, "whsec_someone_else", DateTimeOffset.UtcNow));
        await AssertStillAwaitingAuthenticationAsync(orderId);
    }

    [Fact]
    public async Task A_tampered_body_is_refused()
    {
        var (orderId, intentId) = await StartAwaitingAuthenticationAsync();
        var signed = SucceededEvent("evt_tampered_" + Guid.NewGuid().ToString("N"), orderId, intentId);

        await AssertRefusedAsync(signed.Replace("\"amount\":2599", "\"amount\":1", StringComparison.Ordinal), Sign(signed));
        await AssertStillAwaitingAuthenticationAsync(orderId);
    }

    [Fact]
    public async Task A_stale_signature_is_refused()
    {
        var (orderId, intentId) = await StartAwaitingAuthenticationAsync();
        var succeeded = SucceededEvent("evt_stale_" + Guid.NewGuid().ToString("N"), orderId, intentId);

        await AssertRefusedAsync(succeeded, EventUtility.GenerateSignatureHeader(succeeded, PaymentAppFixture.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10)));
    }

    [Fact]
    public async Task An_event_without_signature_is_refused()
    {
        await AssertRefusedAsync(SucceededEvent("evt_unsigned", Guid.CreateVersion7(), "pi_unsigned"), signature: null);
    }

    [Fact]
    public async Task An_event_about_no_order_of_this_shop_is_acknowledged()
    {
        const string foreign = """{"id":"evt_foreign","object":"event","type":"payment_intent.succeeded","created":1700000000,"data":{"object":{"id":"pi_x","amount":1,"currency":"usd","status":"succeeded","metadata":{}}}}""";

        using var response = await PostAsync(foreign, Sign(foreign));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(Guid OrderId, string IntentId)> StartAwaitingAuthenticationAsync()
    {
        var start = new StartPayment(Guid.CreateVersion7(), Guid.CreateVersion7(), new Money(2599, "EUR"), "pm_card_authenticationRequired");
        using var response = await payment.AsOrdering.PostAsJsonAsync("internal/payments", start);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<PaymentView>())!;
        // Its own requires_action webhook first, so the hand-made event cannot be overtaken by it.
        await payment.WaitForOutcomesAsync(start.OrderId, Topics.PaymentRequiresAction);
        return (start.OrderId, view.PaymentIntentId);
    }

    private static string SucceededEvent(string eventId, Guid orderId, string intentId) =>
        JsonSerializer.Serialize(new
        {
            id = eventId,
            @object = "event",
            type = StripeEventTypes.PaymentIntentSucceeded,
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            data = new
            {
                @object = new
                {
                    id = intentId, @object = "payment_intent", amount = 2599, currency = "eur", status = "succeeded", latest_charge = "ch_hand_made",
                    metadata = new Dictionary<string, string> { ["order_id"] = orderId.ToString() },
                },
            },
        });

    private static string Sign(string json) => EventUtility.GenerateSignatureHeader(json, PaymentAppFixture.WebhookSecret, DateTimeOffset.UtcNow);

    private async Task DeliverAsync(string json, string signature)
    {
        using var response = await PostAsync(json, signature);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRefusedAsync(string json, string? signature)
    {
        using var response = await PostAsync(json, signature);
        var problem = await PaymentsApiTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid webhook signature", problem.GetProperty("title").GetString());
    }

    private async Task AssertStillAwaitingAuthenticationAsync(Guid orderId)
    {
        using var response = await payment.AsOrdering.GetAsync($"internal/payments/{orderId}");
        Assert.Equal(PaymentStatus.RequiresAction, (await response.Content.ReadFromJsonAsync<PaymentView>())!.Status);
    }

    private Task<HttpResponseMessage> PostAsync(string json, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/stripe") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add(EventUtility.SignatureHeader, signature);
        return payment.AsOrdering.SendAsync(request);
    }
}
