using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.SeedData;
using DaprShop.Testing;
using Xunit.Abstractions;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// What the crash tests share: shoppers with carts of one fresh SKU, checkouts accepted over the gateway, a kill and
/// restart logged with the statuses it hit, and the end state every checkout must settle into whatever was killed:
/// every order Paid or Failed, nothing left reserved, exactly the paid units committed, each paid order charged its
/// total once and nothing refunded, every failed order's money cancelled or refunded.
/// </summary>
/// <param name="diagnostics">Output that explains a checkout that does not settle (the killed processes' logs).</param>
internal sealed class CrashedCheckouts(ShopRun run, ITestOutputHelper log, Func<string> diagnostics)
{
    /// <summary>The engine's recovery interval (1 min) plus the payment timeout (2 min), and room for a slow machine.</summary>
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromMinutes(6);
    private const int OnHand = 50;
    private static int _nextSku;

    private readonly ShopSetup _api = new(run, run.Http);

    /// <summary>Shoppers, each with a cart of one SKU (its own per test, stock <see cref="OnHand"/>) in the given quantity.</summary>
    public async Task<(string Sku, IReadOnlyList<(string Token, int Quantity)> Carts)> ShoppersWithCartsAsync(int[] quantities)
    {
        await _api.WaitForSeededCatalogAsync(CancellationToken.None);
        var sku = SeedCatalog.Products[Interlocked.Increment(ref _nextSku)].Variants[0].Sku;
        await _api.SetStockAsync(await _api.LogInAsAdminAsync(CancellationToken.None), sku, OnHand, CancellationToken.None);
        var carts = new List<(string, int)>();
        foreach (var quantity in quantities)
        {
            var (email, password) = await _api.RegisterVerifiedCustomerAsync(CancellationToken.None);
            var token = await _api.LogInAsync(email, password, CancellationToken.None);
            using var added = await _api.SendAsync(HttpMethod.Post, "/api/cart/items", token, new { sku, quantity });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
            carts.Add((token, quantity));
        }
        return (sku, carts);
    }

    /// <summary>Every shopper checks out at once with a card that pays; returns the accepted orders, in the carts' order.</summary>
    public async Task<Guid[]> CheckOutAllAsync(IReadOnlyList<(string Token, int Quantity)> carts) =>
        await Task.WhenAll(carts.Select(cart => CheckoutAsync(cart.Token)));

    /// <summary>Kills, then starts again at once; the statuses just before go to the test log, to show where the kill hit.</summary>
    public async Task KillAndRestartAsync(string what, Action kill, Action start, IReadOnlyList<(string Token, int Quantity)> carts, IReadOnlyList<Guid> orders)
    {
        var before = await Task.WhenAll(orders.Select((orderId, index) => StatusAsync(carts[index].Token, orderId)));
        kill();
        start();
        log.WriteLine($"killed {what} with the orders at: {string.Join(", ", before)}");
    }

    /// <summary>Until the first order awaits its payment's outcome (or is past it): a kill then hits payments in flight.</summary>
    public Task WaitUntilFirstPaymentIsUnderwayAsync(IReadOnlyList<(string Token, int Quantity)> carts, IReadOnlyList<Guid> orders) =>
        WaitUntilAsync(async () => await StatusAsync(carts[0].Token, orders[0]) is "AwaitingPayment" or "Paid" or "Failed");

    private async Task<string?> StatusAsync(string token, Guid orderId) =>
        (await _api.FindOrderAsync(token, orderId, CancellationToken.None))?.GetProperty("status").GetString();

    public async Task AssertSettledConsistentlyAsync(string sku, IReadOnlyList<(string Token, int Quantity)> carts, IReadOnlyList<Guid> orders)
    {
        var settled = new List<(JsonElement Order, int Quantity)>();
        for (var index = 0; index < orders.Count; index++)
        {
            var (token, quantity) = carts[index];
            JsonElement? order = null;
            await WaitUntilAsync(async () => (order = await _api.FindOrderAsync(token, orders[index], CancellationToken.None)) is { } found
                && found.GetProperty("status").GetString() is "Paid" or "Failed");
            settled.Add((order!.Value, quantity));
        }

        var paidUnits = 0;
        foreach (var (order, quantity) in settled)
        {
            var orderId = order.GetProperty("id").GetGuid();
            var payment = await PaymentAsync(orderId);
            if (order.GetProperty("status").GetString() == "Paid")
            {
                paidUnits += quantity;
                Assert.True(payment is not null, $"paid order {orderId} has no payment");
                Assert.Equal("Succeeded", payment.Value.GetProperty("status").GetString());
                Assert.Equal(order.GetProperty("totals").GetProperty("total").GetProperty("amount").GetInt64(), payment.Value.GetProperty("amount").GetProperty("amount").GetInt64());
                Assert.Equal(0, payment.Value.GetProperty("refunded").GetProperty("amount").GetInt64());
            }
            else if (payment is { } kept)
            {
                // A failed order keeps no money: the payment never succeeded, or it was refunded in full.
                var charged = kept.GetProperty("status").GetString() is "Succeeded" or "PartiallyRefunded" or "Refunded";
                Assert.True(!charged || kept.GetProperty("refunded").GetProperty("amount").GetInt64() == kept.GetProperty("amount").GetProperty("amount").GetInt64(),
                    $"failed order {orderId} keeps money: {kept}\n{order}");
            }
        }

        var levels = await LevelsAsync(sku);
        var summary = $"{string.Join(", ", settled.Select(s => $"{s.Order.GetProperty("status").GetString()} {s.Quantity}"))}; levels {levels}";
        log.WriteLine($"settled: {summary}");
        Assert.True(levels.GetProperty("reserved").GetInt32() == 0, $"reservations left behind: {summary}");
        Assert.True(levels.GetProperty("committed").GetInt32() == paidUnits, $"committed units differ from paid units: {summary}");
        Assert.True(levels.GetProperty("onHand").GetInt32() == OnHand - paidUnits, $"on hand differs: {summary}");
        Assert.Empty(levels.GetProperty("reservations").EnumerateArray());
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + SettleDeadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not settled within {SettleDeadline}:\n{Tail(diagnostics())}");
            await Task.Delay(250);
        }
    }

    private async Task<Guid> CheckoutAsync(string token)
    {
        using var response = await _api.SendCheckoutAsync(token, "pm_card_visa", Guid.NewGuid().ToString(), CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid();
    }

    /// <summary>Payment's ledger for the order (<see cref="PaymentLedgers"/>), null when there is none.</summary>
    private async Task<JsonElement?> PaymentAsync(Guid orderId)
    {
        using var response = await AnsweredAsync(() => PaymentLedgers.GetAsync(run, orderId));
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.True(response.IsSuccessStatusCode, $"payment of {orderId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> LevelsAsync(string sku)
    {
        var admin = await _api.LogInAsAdminAsync(CancellationToken.None);
        using var response = await AnsweredAsync(() => _api.SendAsync(HttpMethod.Get, $"/api/inventory/items/{sku}/levels", admin));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sends until the app answers (no 5xx): a restarted app or sidecar may still be starting.</summary>
    private async Task<HttpResponseMessage> AnsweredAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage? response = null;
        await WaitUntilAsync(async () =>
        {
            response?.Dispose();
            response = await send();
            return (int)response.StatusCode < 500;
        });
        return response!;
    }

    private static string Tail(string output) => output.Length <= 20_000 ? output : output[^20_000..];
}
