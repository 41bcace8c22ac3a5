using DaprShop.Actors;
using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Persistence;
using DaprShop.Catalog.Search;
using DaprShop.Contracts;
using DaprShop.Contracts.Catalog;

namespace DaprShop.Catalog.Admin;

/// <summary>
/// Admin writes: save the change with its event (one transaction, through the <see cref="TransactionalOutbox"/>), then
/// update this replica's index, then publish the event; never an event for state that is not there, and no saved change
/// without its event. Other replicas learn of the change from the event, when they are the one it is delivered to.
/// </summary>
internal sealed class ProductAdministration(
    ProductStore store, ProductSearchIndex index, TransactionalOutbox outbox, TimeProvider clock, ILogger<ProductAdministration> logger)
{
    // A conflict means another write moved the product (or, for creates, the id list every create appends to) between
    // our read and write. Re-reading after a short random pause settles even a burst of parallel creates.
    private const int Attempts = 20;

    public async Task<AdminOutcome> CreateAsync(ProductContent content, CancellationToken cancellationToken)
    {
        await index.WhenBuilt.WaitAsync(cancellationToken);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var product = Product.Create(Guid.CreateVersion7(now), content, now);
            var productCreated = ProductEvent(Topics.ProductCreated,
                new ProductCreated(product.Id, content.Name, content.Brand, product.ToCatalogVariants(), product.Version, product.CreatedAt));
            var write = await store.CreateAsync(product, productCreated, cancellationToken);
            if (write.Status == ProductWriteStatus.SkusTaken) return AdminOutcome.SkusTaken(write.TakenSkus);
            if (write.Status == ProductWriteStatus.Stale)
            {
                await PauseAsync(attempt, cancellationToken);
                continue;
            }

            index.Upsert(product);
            await outbox.PublishAsync(productCreated, cancellationToken);
            logger.LogInformation("Created product {ProductId} with SKUs {Skus}", product.Id, product.Skus);
            return AdminOutcome.Done(product);
        }

        throw ContendedFor("the product list");
    }

    public async Task<AdminOutcome> UpdateAsync(Guid id, ProductContent content, CancellationToken cancellationToken)
    {
        await index.WhenBuilt.WaitAsync(cancellationToken);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (previous, etag) = await store.FindAsync(id, cancellationToken);
            if (previous is null) return AdminOutcome.NotFound;
            if (previous.IsArchived) return AdminOutcome.Archived;

            var updated = previous.Update(content, clock.GetUtcNow());
            var productUpdated = ProductEvent(Topics.ProductUpdated,
                new ProductUpdated(id, content.Name, content.Brand, updated.ToCatalogVariants(), updated.Version, updated.UpdatedAt));
            var write = await store.UpdateAsync(previous, etag, updated, productUpdated, cancellationToken);
            if (write.Status == ProductWriteStatus.SkusTaken) return AdminOutcome.SkusTaken(write.TakenSkus);
            if (write.Status == ProductWriteStatus.Stale)
            {
                await PauseAsync(attempt, cancellationToken);
                continue;
            }

            index.Upsert(updated);
            await outbox.PublishAsync(productUpdated, cancellationToken);
            logger.LogInformation("Updated product {ProductId} to version {Version}", id, updated.Version);
            return AdminOutcome.Done(updated);
        }

        throw ContendedFor($"product {id}");
    }

    /// <summary>Archiving an archived product is done already: no write, no event.</summary>
    public async Task<AdminOutcome> ArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        await index.WhenBuilt.WaitAsync(cancellationToken);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (product, etag) = await store.FindAsync(id, cancellationToken);
            if (product is null) return AdminOutcome.NotFound;
            if (product.IsArchived) return AdminOutcome.Done(product);

            var archived = product.Archive(clock.GetUtcNow());
            var productArchived = ProductEvent(Topics.ProductArchived, new ProductArchived(id, [.. archived.Skus], archived.Version, archived.UpdatedAt));
            if (!await store.TryArchiveAsync(archived, etag, productArchived, cancellationToken))
            {
                await PauseAsync(attempt, cancellationToken);
                continue;
            }

            index.Upsert(archived);
            await outbox.PublishAsync(productArchived, cancellationToken);
            logger.LogInformation("Archived product {ProductId}", id);
            return AdminOutcome.Done(archived);
        }

        throw ContendedFor($"product {id}");
    }

    private OutboxEvent ProductEvent<TEvent>(string topic, TEvent productEvent) => outbox.CreateEvent(ComponentNames.PubSub, topic, productEvent);

    /// <summary>Random, growing with the attempt, so contenders that collided do not collide again in lockstep.</summary>
    private static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);

    private static InvalidOperationException ContendedFor(string what) =>
        new($"Gave up after {Attempts} attempts: {what} kept changing concurrently.");
}
