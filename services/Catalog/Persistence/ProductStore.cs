using System.Collections.Concurrent;
using DaprShop.Actors;
using DaprShop.Catalog.Domain;
using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Persistence;

/// <summary>
/// Products in the Dapr state store: <c>product:{id}</c>, the SKU claims <c>product-by-sku:{sku}</c> and the list of
/// ids <c>product-ids</c> (the only way to enumerate products on a store without a query API). Each write changes
/// all three in one transaction, so a SKU is never claimed by a product that was not saved and a saved product is
/// never missing from the list. Every admin write commits its product event in the same transaction, through the
/// <see cref="TransactionalOutbox"/>, so the event is published once the write is saved, even after a crash.
/// </summary>
internal sealed class ProductStore(DaprClient dapr, TransactionalOutbox outbox)
{
    /// <summary>Which product last held each SKU looked up here: a guess that saves reading the claim, checked against the product itself.</summary>
    private readonly ConcurrentDictionary<string, Guid> _lastOwnerOfSku = new(StringComparer.Ordinal);

    public async Task<(Product? Product, string ETag)> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await dapr.GetStateAndETagAsync<Product>(ComponentNames.StateStore, StateKeys.Product(id), cancellationToken: cancellationToken);

    /// <summary>
    /// The product that has <paramref name="sku"/> among its variants, read from state; null when none has. The product
    /// this replica last found for the SKU is read first: a product is saved in one transaction with its SKU claims, so
    /// if it still lists the SKU it still owns it, and only a SKU that moved or went costs the claim's read as well.
    /// </summary>
    public async Task<Product?> FindOwnerOfSkuAsync(string sku, CancellationToken cancellationToken)
    {
        if (_lastOwnerOfSku.TryGetValue(sku, out var lastOwner) && await FindWithSkuAsync(lastOwner, sku, cancellationToken) is { } stillOwner)
        {
            return stillOwner;
        }

        if (await dapr.GetStateAsync<Guid?>(ComponentNames.StateStore, StateKeys.ProductBySku(sku), cancellationToken: cancellationToken) is not { } ownerId)
        {
            _lastOwnerOfSku.TryRemove(sku, out _);
            return null;
        }

        _lastOwnerOfSku[sku] = ownerId;
        return await FindWithSkuAsync(ownerId, sku, cancellationToken);
    }

    private async Task<Product?> FindWithSkuAsync(Guid productId, string sku, CancellationToken cancellationToken) =>
        (await FindAsync(productId, cancellationToken)).Product is { } product && product.Content.Variants.Any(variant => variant.Sku == sku) ? product : null;

    /// <summary>Claims the product's SKUs, saves it and appends its id to the list, all or nothing, with <paramref name="productCreated"/>.</summary>
    public async Task<ProductWrite> CreateAsync(Product product, OutboxEvent productCreated, CancellationToken cancellationToken)
    {
        var (ids, idsETag) = await ReadIdsAsync(cancellationToken);
        List<StateTransactionRequest> operations =
        [
            .. ClaimsOf(product.Id, product.Skus),
            dapr.Upsert(StateKeys.Product(product.Id), product, etagRead: ""),
            dapr.Upsert(StateKeys.ProductIds, ids.Append(product.Id).ToList(), idsETag),
        ];
        return await TransactAsync(product, operations, productCreated, cancellationToken);
    }

    /// <summary>
    /// Saves <paramref name="updated"/> with <paramref name="productUpdated"/> if the product is still as read with
    /// <paramref name="etagRead"/>, claiming added SKUs and releasing dropped ones.
    /// </summary>
    public Task<ProductWrite> UpdateAsync(Product previous, string etagRead, Product updated, OutboxEvent productUpdated, CancellationToken cancellationToken)
    {
        var kept = previous.Skus.ToHashSet(StringComparer.Ordinal);
        var wanted = updated.Skus.ToHashSet(StringComparer.Ordinal);
        List<StateTransactionRequest> operations =
        [
            .. ClaimsOf(updated.Id, wanted.Except(kept)),
            .. kept.Except(wanted).Select(sku => GuardedWrites.Delete(StateKeys.ProductBySku(sku))),
            dapr.Upsert(StateKeys.Product(updated.Id), updated, etagRead),
        ];
        return TransactAsync(updated, operations, productUpdated, cancellationToken);
    }

    /// <summary>Saves the archived product with <paramref name="productArchived"/>; false when the product changed since it was read with <paramref name="etagRead"/>.</summary>
    public Task<bool> TryArchiveAsync(Product archived, string etagRead, OutboxEvent productArchived, CancellationToken cancellationToken) =>
        outbox.TryCommitAsync([dapr.Upsert(StateKeys.Product(archived.Id), archived, etagRead)], productArchived, cancellationToken);

    /// <summary>Every product in the list, archived ones included.</summary>
    public async Task<IReadOnlyList<Product>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var (ids, _) = await ReadIdsAsync(cancellationToken);
        var products = await dapr.GetManyAsync<Product>(ids.Distinct().Select(StateKeys.Product), cancellationToken);
        return [.. products.Select(product => product.Value)];
    }

    public async Task<(IReadOnlyList<Guid> Ids, string ETag)> ReadIdsAsync(CancellationToken cancellationToken)
    {
        var (ids, etag) = await dapr.GetStateAndETagAsync<List<Guid>>(ComponentNames.StateStore, StateKeys.ProductIds, cancellationToken: cancellationToken);
        return (ids ?? [], etag);
    }

    private IEnumerable<StateTransactionRequest> ClaimsOf(Guid productId, IEnumerable<string> skus) =>
        skus.Select(sku => dapr.Upsert(StateKeys.ProductBySku(sku), productId, etagRead: ""));

    /// <summary>A failed transaction is a SKU conflict when some SKU now belongs to another product; otherwise something it read moved.</summary>
    private async Task<ProductWrite> TransactAsync(
        Product product, IReadOnlyList<StateTransactionRequest> operations, OutboxEvent productEvent, CancellationToken cancellationToken)
    {
        if (await outbox.TryCommitAsync(operations, productEvent, cancellationToken)) return ProductWrite.Saved;

        var owners = (await dapr.GetManyAsync<Guid?>(product.Skus.Select(StateKeys.ProductBySku), cancellationToken)).ToDictionary(owner => owner.Key, owner => owner.Value);
        var taken = product.Skus.Where(sku => owners.TryGetValue(StateKeys.ProductBySku(sku), out var owner) && owner != product.Id).ToList();
        return taken.Count > 0 ? ProductWrite.SkusTaken(taken) : ProductWrite.Stale;
    }
}
