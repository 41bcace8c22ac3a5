using System.Diagnostics;
using System.Net;
using DaprShop.SeedData;
using DaprShop.Testing;

namespace DaprShop.Benchmarks;

/// <summary>
/// The <c>checkout</c> command: starts the whole shop as <c>shop</c> does (Release build, embedded default, seeded
/// catalogue, rate limits lifted), then measures checkouts through the gateway with the simulated Stripe: shoppers
/// checking out a well-stocked SKU over and over (checkouts/s, latency to Paid), then a flash sale (many shoppers at once
/// for a SKU with far fewer units) and the time until every order is final.
/// </summary>
public static class CheckoutBenchmark
{
    private const int FlashSaleShoppers = 500;
    private const int FlashSaleUnits = 100;

    /// <summary>Preparing a shopper costs identity two password hashes; a few at a time keep the cores busy.</summary>
    private const int ShoppersPreparedAtOnce = 8;

    private const int OrdersReadAtOnce = 8;
    private const int BenchmarkStock = 10_000_000;
    private static readonly TimeSpan FlashSaleDeadline = TimeSpan.FromMinutes(5);
    private static readonly string[] FinalStatuses = ["Paid", "Failed"];

    public static async Task<int> RunAsync(CheckoutBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var machine = MachineDescription.Capture();
        await Console.Error.WriteLineAsync("Starting the whole shop from its Release build as `run -f dapr` does (8 apps, 8 sidecars, embedded default)…");
        await using var shop = new ShopRun("Release", ShopBenchmark.RaisedRateLimits);
        await shop.StartAsync();
        using var http = LoadGeneratorClient.Create();
        var setup = new ShopSetup(shop, http);
        await setup.WaitForSeededCatalogAsync(cancellationToken);
        var admin = await setup.LogInAsAdminAsync(cancellationToken);
        var loopSku = SeedCatalog.Products[0].Variants[0].Sku;
        var flashSaleSku = SeedCatalog.Products[1].Variants[0].Sku;
        await setup.SetStockAsync(admin, loopSku, BenchmarkStock, cancellationToken);
        await setup.SetStockAsync(admin, flashSaleSku, FlashSaleShoppers, cancellationToken);

        var preparation = Stopwatch.StartNew();
        var loopShoppers = await PrepareShoppersAsync(setup, options.Shoppers, loopSku, cancellationToken);
        var preparationTime = preparation.Elapsed;

        await CheckOutAsync(1, "checkout warm-up", new CheckoutLoad(setup, loopShoppers, loopSku), options.Warmup, cancellationToken);
        var load = new CheckoutLoad(setup, loopShoppers, loopSku);
        var cpuBefore = ShopCpuTimes.Capture(shop.RunnerProcessId!.Value);
        var checkouts = await CheckOutAsync(2, "checkouts, each shopper waiting for Paid", load, options.Duration, cancellationToken);
        var cpu = ShopCpuTimes.Capture(shop.RunnerProcessId!.Value).Since(cpuBefore);

        // Prepared only now, so their access tokens (valid 15 minutes) cannot expire during a long --duration.
        preparation.Restart();
        var flashSaleShoppers = await PrepareShoppersAsync(setup, FlashSaleShoppers, flashSaleSku, cancellationToken);
        preparationTime += preparation.Elapsed;
        await setup.SetStockAsync(admin, flashSaleSku, FlashSaleUnits, cancellationToken);
        var flashSale = await RunFlashSaleAsync(shop, setup, flashSaleShoppers, cancellationToken);

        var results = new CheckoutBenchmarkResults(options, machine, preparationTime, checkouts, load.Stages, cpu, load.Errors, flashSale);
        await ReportOutput.PublishAsync(CheckoutReport.Render(results), options.OutputFile, cancellationToken);
        return 0;
    }

    private static async Task<IReadOnlyList<string>> PrepareShoppersAsync(ShopSetup setup, int count, string sku, CancellationToken cancellationToken)
    {
        await Console.Error.WriteLineAsync($"Preparing {count} verified, signed-in shoppers with one unit of {sku} in the cart, {ShoppersPreparedAtOnce} at a time…");
        var started = Stopwatch.StartNew();
        var shoppers = await setup.ShoppersWithCartAsync(count, sku, 1, ShoppersPreparedAtOnce, cancellationToken);
        await Console.Error.WriteLineAsync($"Prepared in {started.Elapsed.TotalSeconds:0.0} s.");
        return shoppers;
    }

    private static async Task<LoadResult> CheckOutAsync(int phase, string label, CheckoutLoad load, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using (PhaseProgress.Start(phase, 3, $"{label} ({load.ShopperCount} shoppers)", duration, null, () => (load.Completed, load.Failed)))
        {
            return await load.RunAsync(label, duration, cancellationToken);
        }
    }

    private static async Task<FlashSaleResult> RunFlashSaleAsync(ShopRun shop, ShopSetup setup, IReadOnlyList<string> shoppers, CancellationToken cancellationToken)
    {
        // The last of so many checkouts at once may be answered after the load generator's usual 30 s; slow is not wrong.
        using var patientHttp = LoadGeneratorClient.Create();
        patientHttp.Timeout = FlashSaleDeadline;
        await Console.Error.WriteLineAsync($"[3/3] flash sale: {shoppers.Count} checkouts at once for {FlashSaleUnits} units…");
        var saleStarted = DateTimeOffset.UtcNow;
        var answers = await new ShopSetup(shop, patientHttp).CheckOutAtOnceAsync(shoppers, "pm_card_visa", cancellationToken);
        var accepted = answers.Where(answer => answer.OrderId is not null).Select(answer => (answer.AccessToken, answer.OrderId!.Value)).ToList();
        var orders = await setup.WaitForOrdersAsync(accepted, FinalStatuses, OrdersReadAtOnce, FlashSaleDeadline, cancellationToken);
        // By the orders' timelines (the shop's clock, on this machine), not by when the sweeps of reads saw them.
        var completion = orders.Max(ShopSetup.LastStatusChangeOf) - saleStarted;
        var failed = orders.Where(order => order.GetProperty("status").GetString() == "Failed").ToList();
        var failedForStock = failed.Count(order => order.GetProperty("reason").GetString()?.Contains("stock", StringComparison.OrdinalIgnoreCase) == true);
        var result = new FlashSaleResult(
            shoppers.Count, FlashSaleUnits, orders.Count - failed.Count, failedForStock, failed.Count - failedForStock,
            answers.Count(answer => answer.OrderId is null && answer.Status < HttpStatusCode.InternalServerError),
            answers.Count(answer => answer.Status >= HttpStatusCode.InternalServerError),
            answers.Max(answer => answer.AnsweredAfter), completion);
        await Console.Error.WriteLineAsync($"[3/3] flash sale: {result.Paid} paid, {result.FailedForStock} failed for stock, every order final after {completion.TotalSeconds:0.0} s");
        return result;
    }
}
