using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.SeedData;
using DaprShop.Testing;
using Xunit.Abstractions;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// A flash sale over the gateway of the real multi-app run: many more shoppers than units check out at the same moment.
/// The StockItem actor takes the reservations one at a time, so exactly the stock is sold and every other shopper is
/// refused cleanly (a Failed order naming the stock, or a 4xx at checkout; never a 5xx), with no reservation left open.
/// </summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class FlashSaleTests(MultiAppRun shop, ITestOutputHelper output) : IClassFixture<MultiAppRun>
{
    private const int Shoppers = 500;
    private const int Stock = 100;

    /// <summary>Preparing a shopper costs identity two password hashes; a few at a time keep both cores busy.</summary>
    private const int ShoppersPreparedAtOnce = 8;

    private const int OrdersReadAtOnce = 8;
    private static readonly TimeSpan OrderDeadline = TimeSpan.FromMinutes(3);
    private static readonly string[] FinalStatuses = ["Paid", "Failed"];

    /// <summary>
    /// 500 checkouts at once queue in ordering: on this 2-core machine, shared with other work, the last answers can take
    /// longer than the run's client allows a request (30 s). Slow answers are not wrong ones, so the sale waits longer.
    /// </summary>
    private static readonly TimeSpan CheckoutAnswerTimeout = TimeSpan.FromMinutes(2);

    private readonly ShopSetup _api = new(shop.Run, shop.Http);

    [Fact]
    public async Task Five_hundred_simultaneous_checkouts_for_one_hundred_units_pay_exactly_one_hundred_and_refuse_the_rest_cleanly()
    {
        var cancellationToken = CancellationToken.None;
        await _api.WaitForSeededCatalogAsync(cancellationToken);
        var sku = SeedCatalog.Products[SeedCatalog.Products.Count / 2].Variants[0].Sku;
        var admin = await _api.LogInAsAdminAsync(cancellationToken);
        await _api.SetStockAsync(admin, sku, Shoppers, cancellationToken);

        var preparation = Stopwatch.StartNew();
        var shoppers = await _api.ShoppersWithCartAsync(Shoppers, sku, quantity: 1, ShoppersPreparedAtOnce, cancellationToken);
        output.WriteLine($"{Shoppers} verified, signed-in shoppers with a cart prepared in {preparation.Elapsed.TotalSeconds:0.0} s");
        await _api.SetStockAsync(admin, sku, Stock, cancellationToken);

        var sale = Stopwatch.StartNew();
        using var patientHttp = new HttpClient { Timeout = CheckoutAnswerTimeout };
        var answers = await new ShopSetup(shop.Run, patientHttp).CheckOutAtOnceAsync(shoppers, "pm_card_visa", cancellationToken);
        output.WriteLine($"{Shoppers} checkouts answered within {answers.Max(answer => answer.AnsweredAfter).TotalSeconds:0.0} s");
        var accepted = answers.Where(answer => answer.OrderId is not null).Select(answer => (answer.AccessToken, answer.OrderId!.Value)).ToList();
        var orders = await _api.WaitForOrdersAsync(accepted, FinalStatuses, OrdersReadAtOnce, OrderDeadline, cancellationToken);
        output.WriteLine($"{Shoppers} checkouts answered and every order final in {sale.Elapsed.TotalSeconds:0.0} s");

        Assert.All(answers, answer => Assert.True(answer.OrderId is not null || (int)answer.Status is >= 400 and < 500, $"checkout answered {(int)answer.Status}"));
        var paid = orders.Count(order => order.GetProperty("status").GetString() == "Paid");
        var failed = orders.Where(order => order.GetProperty("status").GetString() == "Failed").ToList();
        Assert.Equal(Stock, paid);
        Assert.Equal(Shoppers - Stock, failed.Count + (answers.Count - accepted.Count));
        Assert.All(failed, order => Assert.Contains("stock", order.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase));

        using var levels = await _api.SendAsync(HttpMethod.Get, $"/api/inventory/items/{sku}/levels", admin);
        var snapshot = await levels.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(levels.IsSuccessStatusCode, snapshot.ToString());
        Assert.Equal((0, 0, Stock, 0), (snapshot.GetProperty("available").GetInt32(), snapshot.GetProperty("reserved").GetInt32(),
            snapshot.GetProperty("committed").GetInt32(), snapshot.GetProperty("onHand").GetInt32()));
    }
}
