using DaprShop.Catalog.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DaprShop.Catalog.Startup;

/// <summary>Readiness: a replica whose index is not built yet would answer every search with nothing.</summary>
internal sealed class SearchIndexReadiness(ProductSearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.WhenBuilt.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The search index is still being built."));
}
