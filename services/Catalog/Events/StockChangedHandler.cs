using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Persistence;
using DaprShop.Catalog.Search;
using DaprShop.Contracts;
using DaprShop.Contracts.Inventory;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Events;

/// <summary>
/// Keeps "in stock" current: stores the SKU's level in catalog's own state (so a restart knows it), then updates the
/// index. Idempotent by inventory's version: a redelivered or late, older event changes nothing.
/// </summary>
internal sealed class StockChangedHandler(StockLevelStore levels, ProductSearchIndex index, ILogger<StockChangedHandler> logger)
{
    public async Task<IResult> HandleAsync(StockChanged stockChanged, CancellationToken cancellationToken)
    {
        if (!Sku.IsWellFormed(stockChanged.Sku))
        {
            logger.LogWarning("Dropping a stock-changed event with a malformed SKU");
            return TopicResults.Drop();
        }

        var news = new StockLevel(stockChanged.Available, stockChanged.Version);
        while (true)
        {
            var (held, etag) = await levels.FindAsync(stockChanged.Sku, cancellationToken);
            if (held is not null && !held.IsOlderThan(news))
            {
                news = held;
                break;
            }

            if (await levels.TrySaveAsync(stockChanged.Sku, news, etag, cancellationToken)) break;
        }

        // Applied even when the stored level was already newer: this replica's index may not have seen it yet.
        await index.WhenBuilt.WaitAsync(cancellationToken);
        index.ApplyStock(stockChanged.Sku, news);
        return TopicResults.Success();
    }
}
