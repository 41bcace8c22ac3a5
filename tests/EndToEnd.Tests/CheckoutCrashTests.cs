using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.SeedData;
using DaprShop.Testing;
using Xunit.Abstractions;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// Checkouts survive a SIGKILL of the ordering app, which hosts the checkout workflow, of payment or of inventory: the whole
/// shop runs, with their sidecars in the run and their processes started by the test (<see cref="KillableApp"/>), one
/// killed while checkouts are in flight and started again. Every order must then end Paid or Failed, and stock and payment must
/// agree with it: nothing left reserved, exactly the paid units committed, each paid order charged its total once and
/// every failed order's money cancelled or refunded. The workflow engine re-drives interrupted work from its recovery
/// reminders (every minute), so these tests take minutes.
/// </summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class CheckoutCrashTests(CheckoutCrashTests.ShopWithKillableOrdering shop, ITestOutputHelper log) : IClassFixture<CheckoutCrashTests.ShopWithKillableOrdering>
{
    /// <summary>The engine's recovery interval (1 min) plus the payment timeout (2 min), and room for a slow machine.</summary>
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromMinutes(6);
    private static readonly object Address = new { name = "Ana Shopper", line1 = "Main Street 1", city = "Berlin", postalCode = "10115", country = "DE" };
    private const int OnHand = 50;
    private static int _nextSku;

    private readonly ShopSetup _api = new(shop.Run, shop.Run.Http);
    private KillableApp Ordering => shop.Run.Killable("ordering");
    private KillableApp Payment => shop.Run.Killable("payment");
    private KillableApp Inventory => shop.Run.Killable("inventory");

    [Fact]
    public async Task Ordering_killed_right_after_the_checkouts_are_accepted_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await ShoppersWithCartsAsync(quantities: [1, 2, 3, 4]);

        var orders = await Task.WhenAll(carts.Select(cart => CheckoutAsync(cart.Token)));
        await KillAndRestartAsync(Ordering, carts, orders);

        await AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    [Fact]
    public async Task Ordering_killed_while_payments_are_in_flight_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await ShoppersWithCartsAsync(quantities: [2, 1, 3]);

        var orders = await Task.WhenAll(carts.Select(cart => CheckoutAsync(cart.Token)));
        await WaitUntilAsync(async () => await StatusAsync(carts[0].Token, orders[0]) is "AwaitingPayment" or "Paid" or "Failed");
        await KillAndRestartAsync(Ordering, carts, orders);

        await AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    [Fact]
    public async Task Payment_killed_right_after_the_checkouts_are_accepted_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await ShoppersWithCartsAsync(quantities: [1, 2, 2]);

        var orders = await Task.WhenAll(carts.Select(cart => CheckoutAsync(cart.Token)));
        await KillAndRestartAsync(Payment, carts, orders);

        await AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    [Fact]
    public async Task Inventory_killed_while_the_checkouts_reserve_stock_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await ShoppersWithCartsAsync(quantities: [3, 1, 2]);

        var orders = await Task.WhenAll(carts.Select(cart => CheckoutAsync(cart.Token)));
        await KillAndRestartAsync(Inventory, carts, orders);

        await AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    /// <summary>SIGKILL, then a new process at once; the statuses just before go to the test log, to show where the kill hit.</summary>
    private async Task KillAndRestartAsync(KillableApp app, IReadOnlyList<(string Token, int Quantity)> carts, IReadOnlyList<Guid> orders)
    {
        var before = await Task.WhenAll(orders.Select((orderId, index) => StatusAsync(carts[index].Token, orderId)));
        app.KillHard();
        app.Start();
        log.WriteLine($"killed {app.App.AppId} with the orders at: {string.Join(", ", before)}");
    }

    private async Task AssertSettledConsistentlyAsync(string sku, IReadOnlyList<(string Token, int Quantity)> carts, IReadOnlyList<Guid> orders)
    {
        var settled = new List<(JsonElement Order, int Quantity)>();
        for (var index = 0; index < orders.Count; index++)
        {
            var (token, quantity) = carts[index];
            JsonElement? order = null;
            await WaitUntilAsync(async () => (order = await OrderAsync(token, orders[index])) is { } found
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

    /// <summary>Shoppers, each with a cart of one SKU (its own per test, stock <see cref="OnHand"/>) in the given quantity.</summary>
    private async Task<(string Sku, IReadOnlyList<(string Token, int Quantity)> Carts)> ShoppersWithCartsAsync(int[] quantities)
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

    private async Task<Guid> CheckoutAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(shop.Run.Gateway, "/api/ordering/orders/checkout"))
        {
            Content = JsonContent.Create(new { paymentMethodId = "pm_card_visa", shippingAddress = Address }),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await shop.Run.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid();
    }

    /// <summary>The order, or null while ordering does not answer (killed, starting).</summary>
    private async Task<JsonElement?> OrderAsync(string token, Guid orderId)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, $"/api/ordering/orders/{orderId}", token);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private async Task<string?> StatusAsync(string token, Guid orderId) =>
        (await OrderAsync(token, orderId))?.GetProperty("status").GetString();

    /// <summary>
    /// Payment's ledger for the order, read as ordering reads it: through ordering's sidecar (payment admits only
    /// ordering). Waits while payment does not answer (a restarted payment may still be starting).
    /// </summary>
    private async Task<JsonElement?> PaymentAsync(Guid orderId)
    {
        using var sidecar = shop.Run.SidecarClient(Ordering.App);
        HttpResponseMessage? response = null;
        try
        {
            await WaitUntilAsync(async () =>
            {
                response?.Dispose();
                response = await sidecar.GetAsync($"/v1.0/invoke/payment/method/internal/payments/{orderId}");
                return (int)response.StatusCode < 500;
            });
            if (response!.StatusCode == HttpStatusCode.NotFound) return null;
            Assert.True(response.IsSuccessStatusCode, $"payment of {orderId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        finally
        {
            response?.Dispose();
        }
    }

    private async Task<JsonElement> LevelsAsync(string sku)
    {
        var admin = await _api.LogInAsAdminAsync(CancellationToken.None);
        using var response = await _api.SendAsync(HttpMethod.Get, $"/api/inventory/items/{sku}/levels", admin);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + SettleDeadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not settled within {SettleDeadline}; ordering's output:\n{Tail(Ordering.Output)}");
            await Task.Delay(250);
        }
    }

    private static string Tail(string output) => output.Length <= 20_000 ? output : output[^20_000..];

    /// <summary>The whole shop, with the ordering, payment and inventory apps started by the test so they can be killed and restarted.</summary>
    public sealed class ShopWithKillableOrdering : IAsyncLifetime
    {
        public ShopRun Run { get; } = new(MultiAppRun.BuildConfiguration, MultiAppRun.TestEnvironment, killableAppIds: ["ordering", "payment", "inventory"]);

        public Task InitializeAsync() => Run.StartAsync();

        public Task DisposeAsync() => Run.DisposeAsync().AsTask();
    }
}
