using DaprShop.Catalog.Domain;
using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.SeedData;

namespace DaprShop.Catalog.Persistence;

/// <summary>
/// Writes the seed catalogue (DaprShop.SeedData) on the first start with <c>Seed:Enabled</c>: products, their SKU
/// claims and initial stock levels in batched transactions, then their ids, then a completion marker. Every write is
/// an idempotent upsert of deterministic data, so a start interrupted halfway simply writes it all again. No
/// product-created events: a thousand announcements of the shop opening would help nobody.
/// </summary>
internal sealed class CatalogSeeder(DaprClient dapr, ProductStore products, TimeProvider clock, ILogger<CatalogSeeder> logger)
{
    public const string EnabledSetting = "Seed:Enabled";

    // About a hundred operations per transaction: few round trips, bodies far below the sidecar's request limit.
    private const int ProductsPerTransaction = 25;

    public async Task SeedOnceAsync(CancellationToken cancellationToken)
    {
        if (await dapr.GetStateAsync<DateTimeOffset?>(ComponentNames.StateStore, StateKeys.SeedCompleted, cancellationToken: cancellationToken) is not null) return;

        var seed = SeedCatalog.Products.Select(ToProduct).ToList();
        foreach (var batch in seed.Chunk(ProductsPerTransaction))
        {
            await dapr.ExecuteStateTransactionAsync(ComponentNames.StateStore, [.. batch.SelectMany(Writes)], cancellationToken: cancellationToken);
        }

        await AddIdsAsync(seed.Select(product => product.Id), cancellationToken);
        await dapr.SaveStateAsync(ComponentNames.StateStore, StateKeys.SeedCompleted, clock.GetUtcNow(), cancellationToken: cancellationToken);
        logger.LogInformation("Seeded the catalogue with {ProductCount} products", seed.Count);
    }

    private IEnumerable<StateTransactionRequest> Writes(Product product)
    {
        yield return dapr.Upsert(StateKeys.Product(product.Id), product, etagRead: null);
        foreach (var sku in product.Skus)
        {
            yield return dapr.Upsert(StateKeys.ProductBySku(sku), product.Id, etagRead: null);
            yield return dapr.Upsert(StateKeys.StockLevel(sku), new StockLevel(SeedStock.InitialOnHand(sku) ?? 0, Version: 0), etagRead: null);
        }
    }

    /// <summary>Merges the seed's ids into the list; guarded by the list's ETag, as an admin may be creating a product meanwhile.</summary>
    private async Task AddIdsAsync(IEnumerable<Guid> seedIds, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (ids, etag) = await products.ReadIdsAsync(cancellationToken);
            if (await dapr.TrySaveOverReadAsync(ComponentNames.StateStore, StateKeys.ProductIds, ids.Union(seedIds).ToList(), etag, cancellationToken)) return;
        }
    }

    private static Product ToProduct(SeedProduct seed) => new(
        seed.Id,
        new ProductContent(
            seed.Name, seed.Description, seed.CategorySlug, seed.Brand, seed.Tags, seed.Attributes, seed.ImageUrls,
            [.. seed.Variants.Select(variant => new ProductVariant(variant.Sku, variant.Options, variant.Price))]),
        ProductStatus.Active,
        Version: 1,
        seed.CreatedAt,
        seed.CreatedAt);
}
