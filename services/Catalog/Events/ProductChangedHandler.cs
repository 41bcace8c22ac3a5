using DaprShop.Catalog.Persistence;
using DaprShop.Catalog.Search;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Events;

/// <summary>
/// Catalog hears its own product events so that replicas other than the one that made a change update their index.
/// It re-reads the product rather than trusting the event, so late or repeated events can only bring the index up to
/// the stored state (the index ignores versions it already holds).
/// </summary>
internal sealed class ProductChangedHandler(ProductStore store, ProductSearchIndex index)
{
    public async Task<IResult> HandleAsync(Guid productId, CancellationToken cancellationToken)
    {
        await index.WhenBuilt.WaitAsync(cancellationToken);
        var (product, _) = await store.FindAsync(productId, cancellationToken);
        if (product is not null) index.Upsert(product);
        return TopicResults.Success();
    }
}
