namespace DaprShop.Benchmarks;

/// <summary>Everything a <c>shop</c> run measured, for <see cref="ShopReport"/>.</summary>
public sealed record ShopBenchmarkResults(
    ShopBenchmarkOptions Options,
    MachineDescription Machine,
    int SeededProducts,
    LoadResult CatalogThroughGateway,
    LoadResult CatalogDirect,
    IReadOnlyList<(int Rate, LoadResult Result)> CatalogRateSteps,
    int LoginConnections,
    LoadResult Logins,
    double PasswordVerificationsPerSecondOnOneThread,
    int ReservationConnections,
    LoadResult HotSkuReservations,
    LoadResult SpreadReservations)
{
    /// <summary>The highest open-loop rate whose p99 met the target without errors, if any did.</summary>
    public (int Rate, LoadResult Result)? SustainableCatalogRate =>
        CatalogRateSteps.Where(step => step.Result.Failed == 0 && step.Result.Latency.P99Milliseconds <= PerformanceTargets.MaxCatalogP99Milliseconds)
            .OrderByDescending(step => step.Rate)
            .Cast<(int, LoadResult)?>()
            .FirstOrDefault();
}
