using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.SeedData;
using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// Checkout over the gateway of the real multi-app run, with the embedded default's simulated Stripe (Stripe's test
/// payment methods; outcomes arrive as signed webhooks): paid, declined, 3-D Secure never completed (timed out), a
/// duplicate webhook, a replayed Idempotency-Key, cancel with refund and restock, admin ship. Each test uses its own
/// seeded SKU with stock it sets, so tests do not share stock.
/// </summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class CheckoutTests(CheckoutTests.ShopWithShortPaymentTimeout shop) : IClassFixture<CheckoutTests.ShopWithShortPaymentTimeout>
{
    /// <summary>
    /// Ordering's wait for a payment's outcome in this run (2 min by default): short, so the timeout test is quick, and
    /// still far above the second or so the simulated provider takes to report a payment in the other tests.
    /// </summary>
    private static readonly TimeSpan PaymentTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan OrderDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static int _nextSku;

    private readonly ShopSetup _api = new(shop.Run, shop.Http);

    [Fact]
    public async Task A_paid_checkout_commits_the_stock_empties_the_cart_emails_the_shopper_and_an_admin_ships_it()
    {
        var (token, sku) = await ShopperWithCartAsync(onHand: 20, quantity: 2);

        var orderId = await CheckoutAsync(token, "pm_card_visa", Guid.NewGuid().ToString());
        var order = await WaitForStatusAsync(token, orderId, "Paid");

        Assert.Equal(18, await AvailableAsync(sku));
        Assert.Equal(2, order.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        await _api.WaitForEmptyCartAsync(token, OrderDeadline, PollInterval, CancellationToken.None);
        await WaitForEmailAsync($"order-{orderId}-paid.eml");

        var admin = await _api.LogInAsAdminAsync(CancellationToken.None);
        using var shipped = await _api.SendAsync(HttpMethod.Post, $"/api/ordering/orders/{orderId}/ship", admin, new { trackingNumber = "TRACK-123" });
        Assert.True(shipped.IsSuccessStatusCode, await shipped.Content.ReadAsStringAsync());
        Assert.Equal("TRACK-123", (await WaitForStatusAsync(token, orderId, "Shipped")).GetProperty("trackingNumber").GetString());
        await WaitForEmailAsync($"order-{orderId}-shipped.eml");
    }

    [Fact]
    public async Task A_declined_card_fails_the_order_and_releases_every_reservation()
    {
        var (token, sku) = await ShopperWithCartAsync(onHand: 10, quantity: 3);

        var orderId = await CheckoutAsync(token, "pm_card_chargeDeclined", Guid.NewGuid().ToString());
        var order = await WaitForStatusAsync(token, orderId, "Failed");

        Assert.False(string.IsNullOrEmpty(order.GetProperty("reason").GetString()));
        Assert.Equal(10, await AvailableAsync(sku));
        await WaitForEmailAsync($"order-{orderId}-failed.eml");
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_order_and_a_different_body_with_it_is_a_conflict()
    {
        var (token, _) = await ShopperWithCartAsync(onHand: 10, quantity: 1);
        var key = Guid.NewGuid().ToString();

        var first = await CheckoutAsync(token, "pm_card_visa", key);
        var again = await CheckoutAsync(token, "pm_card_visa", key);
        using var otherBody = await SendCheckoutAsync(token, "pm_card_mastercard", key);

        Assert.Equal(first, again);
        Assert.Equal(HttpStatusCode.Conflict, otherBody.StatusCode);
        await WaitForStatusAsync(token, first, "Paid");
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it_and_restocks()
    {
        var (token, sku) = await ShopperWithCartAsync(onHand: 10, quantity: 4);
        var orderId = await CheckoutAsync(token, "pm_card_visa", Guid.NewGuid().ToString());
        await WaitForStatusAsync(token, orderId, "Paid");
        Assert.Equal(6, await AvailableAsync(sku));

        using var cancelled = await _api.SendAsync(HttpMethod.Post, $"/api/ordering/orders/{orderId}/cancel", token);
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());

        await WaitForStatusAsync(token, orderId, "Refunded");
        Assert.Equal(10, await AvailableAsync(sku));
    }

    [Fact]
    public async Task A_payment_left_requiring_authentication_times_out_and_is_compensated()
    {
        var (token, sku) = await ShopperWithCartAsync(onHand: 10, quantity: 2);

        var orderId = await CheckoutAsync(token, "pm_card_authenticationRequired", Guid.NewGuid().ToString());
        var order = await WaitForStatusAsync(token, orderId, "Failed");

        Assert.Equal($"The payment did not complete within {PaymentTimeout.TotalSeconds:0} seconds.", order.GetProperty("reason").GetString());
        Assert.Equal("Canceled", (await PaymentAsync(orderId)).GetProperty("status").GetString());
        Assert.Equal(10, await AvailableAsync(sku));
        await WaitForEmailAsync($"order-{orderId}-failed.eml");
    }

    /// <summary>
    /// The shopper's bank asks for 3-D Secure, which the simulated provider leaves open; the test then plays Stripe
    /// after the shopper authenticated: <c>payment_intent.succeeded</c> for the order's intent, delivered, then delivered
    /// again (Stripe redelivers an event it is unsure arrived). Payment applies it once: the second delivery is
    /// acknowledged, changes nothing and publishes nothing.
    /// </summary>
    [Fact]
    public async Task A_webhook_delivered_twice_is_applied_once()
    {
        var (token, sku) = await ShopperWithCartAsync(onHand: 10, quantity: 3);
        var orderId = await CheckoutAsync(token, "pm_card_authenticationRequired", Guid.NewGuid().ToString());
        var payment = await WaitForPaymentAsync(orderId, "RequiresAction");
        var eventId = $"evt_e2e_{Guid.NewGuid():N}";
        var succeeded = PaymentIntentSucceeded(eventId, orderId, payment);

        using (var first = await StripeWebhooks.PostSignedAsync(shop.Run, succeeded)) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await WaitForStatusAsync(token, orderId, "Paid");
        var ledger = await PaymentAsync(orderId);
        using (var second = await StripeWebhooks.PostSignedAsync(shop.Run, succeeded)) Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        Assert.Equal(ledger.ToString(), (await PaymentAsync(orderId)).ToString());
        Assert.Equal("Succeeded", ledger.GetProperty("status").GetString());
        var order = await WaitForStatusAsync(token, orderId, "Paid");
        Assert.Single(order.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("status").GetString() == "Paid");
        Assert.Equal(7, await AvailableAsync(sku));
        await WaitForEmailAsync($"order-{orderId}-paid.eml");
        Assert.Single(shop.Output.Split('\n'), line => line.Contains($"Stripe event {eventId} ") && line.Contains("published to payment-succeeded"));
    }

    /// <summary>A verified, signed-in shopper whose cart holds <paramref name="quantity"/> of a SKU with <paramref name="onHand"/> in stock.</summary>
    private async Task<(string Token, string Sku)> ShopperWithCartAsync(int onHand, int quantity)
    {
        await _api.WaitForSeededCatalogAsync(CancellationToken.None);
        var sku = SeedCatalog.Products[^(1 + Interlocked.Increment(ref _nextSku))].Variants[0].Sku;
        await _api.SetStockAsync(await _api.LogInAsAdminAsync(CancellationToken.None), sku, onHand, CancellationToken.None);
        var token = await _api.SignedInCustomerAsync(CancellationToken.None);
        await _api.AddToCartAsync(token, sku, quantity, CancellationToken.None);
        return (token, sku);
    }

    private async Task<Guid> CheckoutAsync(string token, string paymentMethodId, string idempotencyKey)
    {
        using var response = await SendCheckoutAsync(token, paymentMethodId, idempotencyKey);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid();
    }

    private Task<HttpResponseMessage> SendCheckoutAsync(string token, string paymentMethodId, string idempotencyKey) =>
        _api.SendCheckoutAsync(token, paymentMethodId, idempotencyKey, CancellationToken.None);

    private Task<JsonElement> WaitForStatusAsync(string token, Guid orderId, string status) =>
        _api.WaitForOrderAsync(token, orderId, [status], OrderDeadline, PollInterval, CancellationToken.None);

    private async Task<JsonElement> PaymentAsync(Guid orderId)
    {
        using var response = await PaymentLedgers.GetAsync(shop.Run, orderId);
        Assert.True(response.IsSuccessStatusCode, $"payment of {orderId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> WaitForPaymentAsync(Guid orderId, string status)
    {
        var deadline = DateTime.UtcNow + OrderDeadline;
        while (true)
        {
            using var response = await PaymentLedgers.GetAsync(shop.Run, orderId);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<JsonElement>() is var payment
                && payment.GetProperty("status").GetString() == status) return payment;
            Assert.True(DateTime.UtcNow < deadline, $"the payment of {orderId} is not {status}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Stripe's event for the order's PaymentIntent succeeding, with the metadata payment gave the intent.</summary>
    private static string PaymentIntentSucceeded(string eventId, Guid orderId, JsonElement payment) => JsonSerializer.Serialize(new
    {
        id = eventId,
        @object = "event",
        type = "payment_intent.succeeded",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        data = new
        {
            @object = new
            {
                id = payment.GetProperty("paymentIntentId").GetString(),
                @object = "payment_intent",
                amount = payment.GetProperty("amount").GetProperty("amount").GetInt64(),
                currency = payment.GetProperty("amount").GetProperty("currency").GetString()!.ToLowerInvariant(),
                status = "succeeded",
                metadata = new Dictionary<string, string> { ["order_id"] = orderId.ToString() },
            },
        },
    });

    private async Task<int> AvailableAsync(string sku)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, $"/api/inventory/items/{sku}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("available").GetInt32();
    }

    private async Task WaitForEmailAsync(string fileName)
    {
        var path = Path.Combine(shop.DataDirectory, "email", fileName);
        var deadline = DateTime.UtcNow + OrderDeadline;
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no email {fileName}");
            await Task.Delay(100);
        }
    }

    /// <summary>The whole shop, with ordering's payment timeout at <see cref="PaymentTimeout"/>.</summary>
    public sealed class ShopWithShortPaymentTimeout()
        : MultiAppRun(new Dictionary<string, string> { ["Ordering__PaymentTimeout"] = PaymentTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture) });
}
