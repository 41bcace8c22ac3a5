using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Catalog.Persistence;

/// <summary>
/// Writes that succeed only if a key is still as it was read. Dapr reports no ETag for a missing key (a read returns
/// ""), so "still missing" is expressed with first-write instead of an ETag.
/// </summary>
internal static class GuardedWrites
{
    private static readonly StateOptions MustNotExist = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <param name="etagRead">The ETag the key was read with ("" if it did not exist); null writes unconditionally.</param>
    public static StateTransactionRequest Upsert<T>(this DaprClient dapr, string key, T value, string? etagRead) =>
        new(key, JsonSerializer.SerializeToUtf8Bytes(value, dapr.JsonSerializerOptions), StateOperationType.Upsert,
            etag: etagRead is { Length: > 0 } ? etagRead : null,
            options: etagRead is "" ? MustNotExist : null);

    public static StateTransactionRequest Delete(string key) => new(key, null, StateOperationType.Delete);

    /// <summary>False when the key changed since it was read with <paramref name="etagRead"/>.</summary>
    public static async Task<bool> TrySaveAsync<T>(this DaprClient dapr, string key, T value, string etagRead, CancellationToken cancellationToken)
    {
        if (etagRead.Length > 0) return await dapr.TrySaveStateAsync(ComponentNames.StateStore, key, value, etagRead, cancellationToken: cancellationToken);
        try
        {
            await dapr.SaveStateAsync(ComponentNames.StateStore, key, value, MustNotExist, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprApiException exception) when (exception.IsETagMismatch)
        {
            return false;
        }
    }

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
