using DaprShop.Catalog.Domain;
using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Persistence;

/// <summary>Catalog's own copy of each SKU's stock (<c>stock-level:{sku}</c>), so a restarted replica knows what is in stock.</summary>
internal sealed class StockLevelStore(DaprClient dapr)
{
    public async Task<(StockLevel? Level, string ETag)> FindAsync(string sku, CancellationToken cancellationToken) =>
        await dapr.GetStateAndETagAsync<StockLevel>(ComponentNames.StateStore, StateKeys.StockLevel(sku), cancellationToken: cancellationToken);

    /// <summary>False when the level changed since it was read with <paramref name="etagRead"/>.</summary>
    public Task<bool> TrySaveAsync(string sku, StockLevel level, string etagRead, CancellationToken cancellationToken) =>
        dapr.TrySaveOverReadAsync(ComponentNames.StateStore, StateKeys.StockLevel(sku), level, etagRead, cancellationToken);

    /// <summary>The stored levels of <paramref name="skus"/>; SKUs never reported are left out.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, StockLevel>>> LoadAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var distinct = skus.Distinct(StringComparer.Ordinal).ToList();
        var levels = (await dapr.GetManyAsync<StockLevel>(distinct.Select(StateKeys.StockLevel), cancellationToken)).ToDictionary(level => level.Key, level => level.Value);
        return [.. distinct.Where(sku => levels.ContainsKey(StateKeys.StockLevel(sku))).Select(sku => KeyValuePair.Create(sku, levels[StateKeys.StockLevel(sku)]))];
    }
}
