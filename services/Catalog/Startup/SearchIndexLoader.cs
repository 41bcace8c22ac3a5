using DaprShop.Catalog.Persistence;
using DaprShop.Catalog.Search;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Startup;

/// <summary>
/// Brings the replica up: waits for the sidecar, seeds the catalogue when configured to and not done yet, then builds
/// the search index from state (product ids, then products and their stock levels in bulk), retrying until it
/// succeeds; <c>/readyz</c> stays unhealthy until then. Afterwards it reloads state every
/// <see cref="ResyncIntervalSetting"/>: with several replicas, pub/sub hands each event to one of them only, so
/// the others would otherwise never hear of that change. Reloading only ever moves the index forward (it keeps
/// whatever it holds at a newer version).
/// </summary>
internal sealed class SearchIndexLoader(
    DaprClient dapr, CatalogSeeder seeder, ProductStore products, StockLevelStore stockLevels, ProductSearchIndex index,
    IConfiguration configuration, ILogger<SearchIndexLoader> logger) : BackgroundService
{
    public const string ResyncIntervalSetting = "Catalog:IndexResyncInterval";

    private static readonly TimeSpan DefaultResyncInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await BuildAsync(stoppingToken);

        using var resync = new PeriodicTimer(configuration.GetValue(ResyncIntervalSetting, DefaultResyncInterval));
        while (await resync.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await LoadAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Reloading the search index from state failed; the next attempt comes with the next interval");
            }
        }
    }

    private async Task BuildAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dapr.WaitForSidecarAsync(stoppingToken);
                if (configuration.GetValue<bool>(CatalogSeeder.EnabledSetting)) await seeder.SeedOnceAsync(stoppingToken);
                var count = await LoadAsync(stoppingToken);
                logger.LogInformation("Search index built: {ProductCount} products, {ActiveCount} active", count, index.ActiveProductCount);
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

    /// <returns>How many products state holds.</returns>
    private async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var catalogue = await products.LoadAllAsync(cancellationToken);
        var stock = await stockLevels.LoadAsync(catalogue.SelectMany(product => product.Skus), cancellationToken);
        index.Build(catalogue, stock);
        return catalogue.Count;
    }
}
