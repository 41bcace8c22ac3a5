using DaprShop.Testing;
using Xunit.Abstractions;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// Checkouts survive a SIGKILL of inventory's sidecar, which hosts the stock actors that every checkout reserves,
/// commits and releases through: the whole shop runs, except that inventory and its sidecar are two processes of their
/// own (<see cref="KillableApp.Sidecar"/>). The sidecar is killed while checkouts are in flight, so ordering's calls to
/// the stock actors and the app's calls to its sidecar fail, and comes back on the same ports while the app keeps
/// running. Every order must then settle consistently (<see cref="CrashedCheckouts.AssertSettledConsistentlyAsync"/>).
/// Ordering's and payment's sidecars stay in the run: their checkouts depend on payment's events, and the embedded
/// <c>pubsub.in-memory</c> broker is shared only by the sidecars of one process, so neither could run apart.
/// </summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class CheckoutSidecarCrashTests(CheckoutSidecarCrashTests.ShopWithStandaloneInventorySidecar shop, ITestOutputHelper log)
    : IClassFixture<CheckoutSidecarCrashTests.ShopWithStandaloneInventorySidecar>
{
    private readonly CrashedCheckouts _checkouts = new(shop.Run, log, () => $"{shop.Run.Killable("inventory").Sidecar!.Output}\n{shop.Run.Output}");
    private KillableProcess InventorySidecar => shop.Run.Killable("inventory").Sidecar!;

    [Fact]
    public async Task Inventory_sidecar_killed_while_the_checkouts_reserve_stock_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await _checkouts.ShoppersWithCartsAsync(quantities: [3, 1, 2, 2]);

        var orders = await _checkouts.CheckOutAllAsync(carts);
        await KillAndRestartInventorySidecarAsync(carts, orders);

        await _checkouts.AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    [Fact]
    public async Task Inventory_sidecar_killed_while_payments_are_in_flight_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await _checkouts.ShoppersWithCartsAsync(quantities: [2, 4, 1]);

        var orders = await _checkouts.CheckOutAllAsync(carts);
        await _checkouts.WaitUntilAsync(async () => await _checkouts.StatusAsync(carts[0].Token, orders[0]) is "AwaitingPayment" or "Paid" or "Failed");
        await KillAndRestartInventorySidecarAsync(carts, orders);

        await _checkouts.AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    private Task KillAndRestartInventorySidecarAsync(IReadOnlyList<(string Token, int Quantity)> carts, IReadOnlyList<Guid> orders) =>
        _checkouts.KillAndRestartAsync("inventory's sidecar", InventorySidecar.KillHard, InventorySidecar.Start, carts, orders);

    /// <summary>The whole shop, with inventory's app and sidecar started by the test as two processes, so the sidecar can be killed alone.</summary>
    public sealed class ShopWithStandaloneInventorySidecar : IAsyncLifetime
    {
        public ShopRun Run { get; } = new(MultiAppRun.BuildConfiguration, MultiAppRun.TestEnvironment, standaloneSidecarAppIds: ["inventory"]);

        public Task InitializeAsync() => Run.StartAsync();

        public Task DisposeAsync() => Run.DisposeAsync().AsTask();
    }
}
