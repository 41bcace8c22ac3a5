namespace DaprShop.Benchmarks;

/// <summary>Everything a <c>checkout</c> run measured, for <see cref="CheckoutReport"/>.</summary>
public sealed record CheckoutBenchmarkResults(
    CheckoutBenchmarkOptions Options,
    MachineDescription Machine,
    TimeSpan ShopperPreparation,
    LoadResult Checkouts,
    IReadOnlyCollection<CheckoutStages> CheckoutStages,
    ShopCpuTimes CheckoutCpu,
    IReadOnlyDictionary<string, int> CheckoutErrors,
    FlashSaleResult FlashSale)
{
    public bool MeetsThroughputTarget => Checkouts.SucceededPerSecond >= PerformanceTargets.MinCheckoutsPerSecond;

    public bool MeetsLatencyTarget => Checkouts.Latency.P95Milliseconds <= PerformanceTargets.MaxCheckoutP95Milliseconds;
}
