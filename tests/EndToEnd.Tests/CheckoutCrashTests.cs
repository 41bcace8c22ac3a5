using DaprShop.Testing;
using Xunit.Abstractions;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// Checkouts survive a SIGKILL of the ordering app, which hosts the checkout workflow, of payment or of inventory: the whole
/// shop runs, with their sidecars in the run and their processes started by the test (<see cref="KillableApp"/>), one
/// killed while checkouts are in flight and started again. Every order must then settle consistently
/// (<see cref="CrashedCheckouts.AssertSettledConsistentlyAsync"/>). The workflow engine re-drives interrupted work from
/// its recovery reminders (ordering sets their interval), so these tests take a while.
/// </summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class CheckoutCrashTests(CheckoutCrashTests.ShopWithKillableOrdering shop, ITestOutputHelper log) : IClassFixture<CheckoutCrashTests.ShopWithKillableOrdering>
{
    private readonly CrashedCheckouts _checkouts = new(shop.Run, log, () => shop.Run.Killable("ordering").Output);
    private KillableApp Ordering => shop.Run.Killable("ordering");
    private KillableApp Payment => shop.Run.Killable("payment");
    private KillableApp Inventory => shop.Run.Killable("inventory");

    [Fact]
    public async Task Ordering_killed_right_after_the_checkouts_are_accepted_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await _checkouts.ShoppersWithCartsAsync(quantities: [1, 2, 3, 4]);

        var orders = await _checkouts.CheckOutAllAsync(carts);
        await KillAndRestartAsync(Ordering, carts, orders);

        await _checkouts.AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    [Fact]
    public async Task Ordering_killed_while_payments_are_in_flight_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await _checkouts.ShoppersWithCartsAsync(quantities: [2, 1, 3]);

        var orders = await _checkouts.CheckOutAllAsync(carts);
        await _checkouts.WaitUntilFirstPaymentIsUnderwayAsync(carts, orders);
        await KillAndRestartAsync(Ordering, carts, orders);

        await _checkouts.AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    [Fact]
    public async Task Payment_killed_right_after_the_checkouts_are_accepted_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await _checkouts.ShoppersWithCartsAsync(quantities: [1, 2, 2]);

        var orders = await _checkouts.CheckOutAllAsync(carts);
        await KillAndRestartAsync(Payment, carts, orders);

        await _checkouts.AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    [Fact]
    public async Task Inventory_killed_while_the_checkouts_reserve_stock_finishes_every_checkout_consistently()
    {
        var (sku, carts) = await _checkouts.ShoppersWithCartsAsync(quantities: [3, 1, 2]);

        var orders = await _checkouts.CheckOutAllAsync(carts);
        await KillAndRestartAsync(Inventory, carts, orders);

        await _checkouts.AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    private Task KillAndRestartAsync(KillableApp app, IReadOnlyList<(string Token, int Quantity)> carts, IReadOnlyList<Guid> orders) =>
        _checkouts.KillAndRestartAsync(app.App.AppId, app.KillHard, app.Start, carts, orders);

    /// <summary>The whole shop, with the ordering, payment and inventory apps started by the test so they can be killed and restarted.</summary>
    public sealed class ShopWithKillableOrdering : IAsyncLifetime
    {
        public ShopRun Run { get; } = new(MultiAppRun.BuildConfiguration, MultiAppRun.TestEnvironment, killableAppIds: ["ordering", "payment", "inventory"]);

        public Task InitializeAsync() => Run.StartAsync();

        public Task DisposeAsync() => Run.DisposeAsync().AsTask();
    }
}
