using Microsoft.AspNetCore.Identity;
using System.Diagnostics;
using DaprShop.SeedData;
using DaprShop.Testing;

namespace DaprShop.Benchmarks;

/// <summary>
/// The <c>shop</c> command: starts the whole shop as <c>run -f dapr</c> does (Release build, embedded default, the
/// seeded catalogue) and measures through the public gateway: catalogue browse and search (the highest rate whose
/// p99 stays within the target, and the ratio to calling catalog directly), logins per second (next to how fast this
/// machine verifies the password hash alone), and stock reservations per second on one hot SKU (next to the same
/// load spread over many SKUs).
/// </summary>
public static class ShopBenchmark
{
    /// <summary>Open-loop rates tried, as fractions of the closed-loop maximum through the gateway.</summary>
    private static readonly double[] RateSteps = [0.3, 0.5, 0.7, 0.85, 1.0];

    private const int CustomerAccounts = 16;
    private const int SpreadSkus = 64;
    private const int ReservationConnections = 32;

    /// <summary>Enough for every reservation of the run, so none is refused for want of stock.</summary>
    private const int BenchmarkStock = 10_000_000;

    /// <summary>The gateway's login and write limits protect a real shop; the load generator is one client, so lift them.</summary>
    public static readonly IReadOnlyDictionary<string, string> RaisedRateLimits = new Dictionary<string, string>
    {
        ["Gateway__RateLimits__Login__PermitLimit"] = "100000000",
        ["Gateway__RateLimits__Writes__PermitLimit"] = "100000000",
    };

    public static async Task<int> RunAsync(ShopBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var machine = MachineDescription.Capture();
        await Console.Error.WriteLineAsync("Starting the whole shop from its Release build as `run -f dapr` does (8 apps, 8 sidecars, embedded default)…");
        await using var shop = new ShopRun("Release", RaisedRateLimits);
        await shop.StartAsync();
        using var http = LoadGeneratorClient.Create();
        var setup = new ShopSetup(shop, http);
        var products = await setup.WaitForSeededCatalogAsync(cancellationToken);
        var phases = new ShopPhases(8 + RateSteps.Length);

        var catalogApp = shop.Apps.Single(app => app.AppId == "catalog");
        var throughGateway = ShopWorkloads.Catalog("browse and search through the gateway", shop.Gateway, "/api/catalog/products", withAppToken: false);
        var direct = ShopWorkloads.Catalog("browse and search on catalog directly", new Uri($"http://127.0.0.1:{catalogApp.AppPort}"), "/products", withAppToken: true);
        await phases.ClosedAsync("warm-up", http, throughGateway, options.Connections, options.Duration / 2, cancellationToken);
        var gatewayMaximum = await phases.ClosedAsync("catalog through the gateway, closed loop", http, throughGateway, options.Connections, options.Duration, cancellationToken);
        var directMaximum = await phases.ClosedAsync("catalog directly, closed loop", http, direct, options.Connections, options.Duration, cancellationToken);
        var steps = new List<(int Rate, LoadResult Result)>();
        foreach (var fraction in RateSteps)
        {
            var rate = Math.Max(1, (int)(gatewayMaximum.SucceededPerSecond * fraction));
            steps.Add((rate, await phases.OpenAsync($"catalog through the gateway at {rate:N0} req/s", http, throughGateway, rate, options.Duration, cancellationToken)));
        }

        await Console.Error.WriteLineAsync($"Registering and verifying {CustomerAccounts} customer accounts…");
        var accounts = new List<(string, string)>();
        for (var number = 0; number < CustomerAccounts; number++) accounts.Add(await setup.RegisterVerifiedCustomerAsync(cancellationToken));
        var logins = ShopWorkloads.Logins(shop.Gateway, accounts);
        await phases.ClosedAsync("login warm-up", http, logins, CustomerAccounts, options.Duration / 4, cancellationToken);
        var loginResult = await phases.ClosedAsync("logins through the gateway", http, logins, CustomerAccounts, options.Duration, cancellationToken);
        var hashVerifications = MeasurePasswordVerificationsPerSecond(options.Duration / 4);

        var admin = await setup.LogInAsAdminAsync(cancellationToken);
        var skus = SeedCatalog.Products.SelectMany(product => product.Variants).Select(variant => variant.Sku).Take(SpreadSkus).ToList();
        foreach (var sku in skus) await setup.SetStockAsync(admin, sku, BenchmarkStock, cancellationToken);
        var inventorySidecar = new Uri($"http://127.0.0.1:{shop.Apps.Single(app => app.AppId == "inventory").DaprHttpPort}");
        await phases.ReservationsAsync("reservation warm-up", new ReservationLoad(http, inventorySidecar, skus), ReservationConnections, options.Duration / 4, cancellationToken);
        var hotResult = await phases.ReservationsAsync("reservations on one hot SKU", new ReservationLoad(http, inventorySidecar, [skus[0]]), ReservationConnections, options.Duration, cancellationToken);
        var spreadResult = await phases.ReservationsAsync($"reservations over {SpreadSkus} SKUs", new ReservationLoad(http, inventorySidecar, skus), ReservationConnections, options.Duration, cancellationToken);

        var results = new ShopBenchmarkResults(
            options, machine, products, gatewayMaximum, directMaximum, steps, CustomerAccounts, loginResult, hashVerifications,
            ReservationConnections, hotResult, spreadResult);
        await ReportOutput.PublishAsync(ShopReport.Render(results), options.OutputFile, cancellationToken);
        return 0;
    }

    /// <summary>
    /// Verifications of a hash made by identity's hasher (ASP.NET Core's <see cref="PasswordHasher{TUser}"/>, same
    /// defaults), on one thread of this process: the work a login cannot avoid, so the ceiling for logins per core.
    /// </summary>
    private static double MeasurePasswordVerificationsPerSecond(TimeSpan duration)
    {
        var hasher = new PasswordHasher<object>();
        var hash = hasher.HashPassword(new object(), ShopSetup.CustomerPassword);
        var stopwatch = Stopwatch.StartNew();
        var count = 0;
        while (stopwatch.Elapsed < duration)
        {
            hasher.VerifyHashedPassword(new object(), hash, ShopSetup.CustomerPassword);
            count++;
        }
        return count / stopwatch.Elapsed.TotalSeconds;
    }
}
