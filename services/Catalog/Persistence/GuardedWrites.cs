using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Persistence;

/// <summary>Catalog's state helpers beside <see cref="GuardedStateWrites"/>: deletes in a transaction, and batched bulk reads.</summary>
internal static class GuardedWrites
{
    public static StateTransactionRequest Delete(string key) => new(key, null, StateOperationType.Delete);

    /// <summary>Reads keys in batches the sidecar handles comfortably; missing keys are left out (for a value type, ask for <c>T?</c>).</summary>
    public static async Task<List<(string Key, T Value)>> GetManyAsync<T>(this DaprClient dapr, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        const int BatchSize = 200;
        var found = new List<(string, T)>();
        foreach (var batch in keys.Chunk(BatchSize))
        {
            foreach (var item in await dapr.GetBulkStateAsync<T>(ComponentNames.StateStore, batch, parallelism: null, cancellationToken: cancellationToken))
            {
                if (item.Error is { } error) throw new InvalidOperationException($"Reading state '{item.Key}' failed: {error}");
                if (item.Value is { } value) found.Add((item.Key, value));
            }
        }

        return found;
    }
}
