using DaprShop.Catalog.Domain;
using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Persistence;

/// <summary>Products in the Dapr state store, one key per product: <c>product:{id}</c>.</summary>
internal sealed class ProductStore(DaprClient dapr)
{
    public Task SaveAsync(Product product, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(ComponentNames.StateStore, KeyOf(product.Id), product, cancellationToken: cancellationToken);

    /// <returns>Null when no product has this id.</returns>
    public Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<Product>(ComponentNames.StateStore, KeyOf(id), cancellationToken: cancellationToken);

    private static string KeyOf(Guid id) => $"product:{id}";
}
