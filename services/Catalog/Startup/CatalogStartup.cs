using DaprShop.Catalog.Persistence;
using DaprShop.Catalog.Search;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Startup;

/// <summary>
/// Brings the replica up: waits for the sidecar, seeds the catalogue when configured to and not done yet, then builds
/// the search index from state (product ids, then products and their stock levels in bulk). Retries until it
/// succeeds; <c>/readyz</c> stays unhealthy until then.
/// </summary>
internal sealed class CatalogStartup(
    DaprClient dapr, CatalogSeeder seeder, ProductStore products, StockLevelStore stockLevels, ProductSearchIndex index,
    IConfiguration configuration, ILogger<CatalogStartup> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dapr.WaitForSidecarAsync(stoppingToken);
                if (configuration.GetValue<bool>(CatalogSeeder.EnabledSetting)) await seeder.SeedOnceAsync(stoppingToken);
                var catalogue = await products.LoadAllAsync(stoppingToken);
                var stock = await stockLevels.LoadAsync(catalogue.SelectMany(product => product.Skus), stoppingToken);
                index.Build(catalogue, stock);
                logger.LogInformation("Search index built: {ProductCount} products, {ActiveCount} active", catalogue.Count, index.ActiveProductCount);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(attempt, MaxRetryDelay.TotalSeconds));
                logger.LogWarning(exception, "Building the search index failed (attempt {Attempt}); retrying in {Delay}", attempt, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}
