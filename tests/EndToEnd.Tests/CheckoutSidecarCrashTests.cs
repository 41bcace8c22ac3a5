using DaprShop.Testing;
using Xunit.Abstractions;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// Checkouts survive a SIGKILL of a sidecar: of ordering's, which hosts the checkout workflows (actors, their reminders
/// and state), of inventory's, which hosts the stock actors every checkout reserves, commits and releases through, or of
/// payment's, which publishes the payment outcomes the workflows wait for. The whole shop runs on <c>pubsub.redis</c>,
/// except that ordering, inventory and payment each run as two processes of their own, app and sidecar
/// (<see cref="KillableApp.Sidecar"/>). A sidecar is killed while checkouts are in flight, so the app's calls to it and
/// the other apps' calls through it fail, and comes back on the same ports while the app keeps running. Every order must
/// then settle consistently (<see cref="CrashedCheckouts.AssertSettledConsistentlyAsync"/>).
/// Every sidecar reaches the same Redis, so events cross processes as with daprd: what is published while a subscriber's
/// sidecar is down waits in its consumer group, and what a killed sidecar had taken but not acknowledged is claimed
/// again after the run's 2 s processingTimeout.
/// </summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class CheckoutSidecarCrashTests(CheckoutSidecarCrashTests.ShopWithStandaloneSidecars shop, ITestOutputHelper log)
    : IClassFixture<CheckoutSidecarCrashTests.ShopWithStandaloneSidecars>
{
    private readonly CrashedCheckouts _checkouts = new(shop.Run, log, () => string.Join('\n', shop.Run.Killable("ordering").Output,
        shop.Run.Killable("ordering").Sidecar!.Output, shop.Run.Killable("inventory").Sidecar!.Output, shop.Run.Killable("payment").Output,
        shop.Run.Killable("payment").Sidecar!.Output));

    [Theory]
    [InlineData("ordering")]
    [InlineData("inventory")]
    [InlineData("payment")]
    public async Task A_sidecar_killed_right_after_the_checkouts_are_accepted_comes_back_and_every_checkout_finishes_consistently(string appId)
    {
        var (sku, carts) = await _checkouts.ShoppersWithCartsAsync(quantities: [1, 2, 3, 4]);

        var orders = await _checkouts.CheckOutAllAsync(carts);
        await KillAndRestartSidecarAsync(appId, carts, orders);

        await _checkouts.AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    [Theory]
    [InlineData("ordering")]
    [InlineData("inventory")]
    [InlineData("payment")]
    public async Task A_sidecar_killed_while_payments_are_in_flight_comes_back_and_every_checkout_finishes_consistently(string appId)
    {
        var (sku, carts) = await _checkouts.ShoppersWithCartsAsync(quantities: [2, 1, 3]);

        var orders = await _checkouts.CheckOutAllAsync(carts);
        await _checkouts.WaitUntilFirstPaymentIsUnderwayAsync(carts, orders);
        await KillAndRestartSidecarAsync(appId, carts, orders);

        await _checkouts.AssertSettledConsistentlyAsync(sku, carts, orders);
    }

    private Task KillAndRestartSidecarAsync(string appId, IReadOnlyList<(string Token, int Quantity)> carts, IReadOnlyList<Guid> orders)
    {
        var sidecar = shop.Run.Killable(appId).Sidecar!;
        return _checkouts.KillAndRestartAsync($"{appId}'s sidecar", sidecar.KillHard, sidecar.Start, carts, orders);
    }

    /// <summary>
    /// The whole shop on Redis, with ordering's, inventory's and payment's apps and sidecars started by the test as
    /// processes of their own, so a sidecar can be killed alone.
    /// </summary>
    public sealed class ShopWithStandaloneSidecars : IAsyncLifetime
    {
        public ShopRun Run { get; } = new(
            MultiAppRun.BuildConfiguration, MultiAppRun.TestEnvironment, standaloneSidecarAppIds: ["ordering", "inventory", "payment"], redisPubSub: true);

        public Task InitializeAsync() => Run.StartAsync();

        public Task DisposeAsync() => Run.DisposeAsync().AsTask();
    }
}
